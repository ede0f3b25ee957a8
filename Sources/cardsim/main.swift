import ArgumentParser

Interrupts.install()
do {
    var command = try CardsimCommand.parseAsRoot()
    try command.run()
} catch let failure as CommandFailure {
    failure.report()
    CardsimCommand.exit(withError: failure.exitCode)
} catch {
    CardsimCommand.exit(withError: error)
}

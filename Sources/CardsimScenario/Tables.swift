/// The field tables of the scenario format, one per YAML section (see the extensions in
/// RunTable.swift, MarketTables.swift, SegmentTable.swift, MacroTable.swift,
/// CompetitorTable.swift, ProductTable.swift, BankTables.swift, LeverTables.swift and
/// ScenarioTable.swift).
/// The loader, the JSON Schema and docs/parameters.md are all generated from them.
enum Tables {}

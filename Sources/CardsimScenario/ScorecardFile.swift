import CardsimEngine
import Foundation

/// Reads the model files that `cardsim fit scorecard` writes into engine scorecards:
///
///     name: "application-basic"
///     target: "bad"
///     features:
///       - {name: "log_income", coefficient: -0.31, standard_error: 0.02, mean: 8.9, sd: 0.6}
///     intercept: 1.2
///     metrics: {auc: 0.68, ks: 0.27, gini: 0.36, n: 20000, events: 1500}
///
/// Only `features` (name and coefficient) and `intercept` are required; `name` defaults to the
/// file's name; `target`, `standard_error`, `mean`, `sd` and `metrics` are read by people, not
/// by the simulator. A scenario refers to a model file by a path relative to the scenario file.
enum ScorecardFile {
    /// Which scorecard a field holds: an application scorecard may use application features
    /// only.
    enum Kind { case application, behaviour }

    /// The feature names a model file may use (segments as `segment_<name>`).
    static func knownNames(_ kind: Kind) -> [String] {
        ScoreFeature.fixed.filter { kind == .behaviour || $0.isApplication }.map(\.name) + ["segment_<segment name>"]
    }

    /// The model at `reference` (read through `context.modelFiles`: on disk relative to the
    /// directory of `scenarioFile`, or from the texts stored with a run), or nil after reporting
    /// why it cannot be used.
    static func load(_ reference: String, node: DocumentNode, kind: Kind, path: String,
                     scenarioFile: String, context: inout DecodeContext) -> Scorecard? {
        let key = "\(kind) \(reference)"
        if let earlier = context.modelFiles.parsed[key] {
            if earlier == nil { context.fail(path) }
            return earlier
        }
        let read: ModelFileLoad.Read
        switch context.modelFiles.read(reference, scenarioFile: scenarioFile) {
        case .success(let found): read = found
        case .failure(let problem):
            context.fail(path)
            context.report(node.location,
                           "cannot read the scorecard file of \(path) (\(problem.place)); expected a model file written by 'cardsim fit scorecard', found \(problem.found)",
                           hint: problem.hint)
            return nil
        }
        let card = parse(read, reference: reference, kind: kind, path: path, context: &context)
        context.modelFiles.parsed[key] = .some(card)
        return card
    }

    /// The scorecard in a model file's text, or nil after reporting why it cannot be used.
    private static func parse(_ read: ModelFileLoad.Read, reference: String, kind: Kind, path: String,
                              context: inout DecodeContext) -> Scorecard? {
        let root: DocumentNode
        let empty = "empty scorecard file of \(path); expected a model file written by 'cardsim fit scorecard'"
        // A file that is not a scorecard is named with its kind only: its text is never quoted
        // (a mistyped path may name a file that holds secrets).
        let notScorecard = "not a scorecard file (\(path)); expected a model file written by 'cardsim fit scorecard': a mapping with 'features' and 'intercept'"
        switch YAMLReader.read(read.text, file: read.file, empty: empty) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            context.fail(path)
            // libyaml's messages name the problem, not the text; a duplicate key's would quote it.
            let quotes = diagnostic.message.hasPrefix("duplicate key")
            context.report(SourceLocation(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column),
                           quotes ? notScorecard + ", found text that is not valid YAML" : diagnostic.message,
                           hint: quotes ? "check the path; 'cardsim fit scorecard' writes model files" : diagnostic.hint)
            return nil
        }
        let keys = Set(root.entries?.compactMap { $0.key.scalarText } ?? [])
        guard keys.contains("features") || keys.contains("intercept") else {
            context.fail(path)
            let found: String
            switch root.content {
            case .mapping: found = "a mapping without 'features' or 'intercept'"
            case .sequence: found = "a list"
            case .scalar: found = "a single line of text or a single value"
            }
            context.report(root.location, notScorecard + ", found \(found)", hint: "check the path; 'cardsim fit scorecard' writes model files")
            return nil
        }
        let name = ((reference as NSString).lastPathComponent as NSString).deletingPathExtension
        return parse(root, kind: kind, name: name, source: reference, path: path, context: &context)
    }

    /// The scorecard in a model file's root node, or nil after reporting its problems.
    static func parse(_ root: DocumentNode, kind: Kind, name: String, source: String, path: String,
                      context: inout DecodeContext) -> Scorecard? {
        let before = context.diagnostics.count
        let label = "scorecard file of \(path)"
        guard let entries = context.mapping(root, label) else { context.fail(path); return nil }
        var card = Scorecard(name: name, terms: [], intercept: 0, source: source)
        var sawFeatures = false, sawIntercept = false
        let known = ["name", "target", "features", "intercept", "metrics"]
        for entry in entries {
            guard let key = context.key(entry, label) else { continue }
            switch key {
            case "name": if let text = context.text(entry.value, "\(label): name", rule: .nonEmpty) { card.name = text }
            case "target", "metrics": break
            case "intercept":
                sawIntercept = true
                if let v = context.number(entry.value, "\(label): intercept", range: NumberRange(), unit: "log-odds") { card.intercept = v }
            case "features":
                sawFeatures = true
                guard let items = context.sequence(entry.value, "\(label): features", expected: "a list of features") else { continue }
                for (index, item) in items.enumerated() {
                    if let term = parseTerm(item, kind: kind, itemPath: "\(label): features[\(index)]", context: &context) {
                        card.terms.append(term)
                    }
                }
            default:
                context.report(entry.key.location, "unknown key in \(label); expected one of \(known.joined(separator: ", ")), found '\(key)'",
                               hint: Suggestion.nearest(to: key, among: known).map { "did you mean '\($0)'?" })
            }
        }
        for (saw, key) in [(sawFeatures, "features"), (sawIntercept, "intercept")] where !saw {
            context.report(root.location, "missing \(key) in \(label); expected the '\(key)' that 'cardsim fit scorecard' writes, found none")
        }
        guard context.diagnostics.count == before else { context.fail(path); return nil }
        return card
    }

    private static func parseTerm(_ node: DocumentNode, kind: Kind, itemPath: String,
                                  context: inout DecodeContext) -> Scorecard.Term? {
        guard let entries = context.mapping(node, itemPath) else { return nil }
        var feature: ScoreFeature?, coefficient: Double?
        for entry in entries {
            guard let key = context.key(entry, itemPath) else { continue }
            switch key {
            case "name":
                guard let text = context.text(entry.value, "\(itemPath).name", rule: .nonEmpty) else { continue }
                guard let f = ScoreFeature(name: text) else {
                    let names = knownNames(kind)
                    context.report(entry.value.location, "unknown feature in \(itemPath); expected one of \(names.joined(separator: ", ")), found '\(text)'",
                                   hint: Suggestion.nearest(to: text, among: names).map { "did you mean '\($0)'?" } ?? "features are listed in docs/model/risk-models.md")
                    continue
                }
                guard kind == .behaviour || f.isApplication else {
                    context.report(entry.value.location, "behaviour feature in an application scorecard (\(itemPath)); expected a feature known at application (\(knownNames(.application).joined(separator: ", "))), found '\(text)'",
                                   hint: "use it in behaviour_scorecard, whose features may describe the account")
                    continue
                }
                feature = f
            case "coefficient":
                coefficient = context.number(entry.value, "\(itemPath).coefficient", range: NumberRange(), unit: "log-odds per unit")
            case "standard_error", "mean", "sd": break
            default:
                let keys = ["name", "coefficient", "standard_error", "mean", "sd"]
                context.report(entry.key.location, "unknown key in \(itemPath); expected one of \(keys.joined(separator: ", ")), found '\(key)'",
                               hint: Suggestion.nearest(to: key, among: keys).map { "did you mean '\($0)'?" })
            }
        }
        if feature == nil, node["name"] == nil {
            context.report(node.location, "missing name in \(itemPath); expected a feature name, found none")
        }
        if coefficient == nil, node["coefficient"] == nil {
            context.report(node.location, "missing coefficient in \(itemPath); expected a number, found none")
        }
        guard let feature, let coefficient else { return nil }
        return Scorecard.Term(feature: feature, coefficient: coefficient)
    }
}

extension Field {
    /// A scorecard read from a model file named by a path (relative to the scenario file), or
    /// null for none.
    static func scorecardFile(_ key: String, _ path: WritableKeyPath<Root, Scorecard?>, kind: ScorecardFile.Kind,
                              doc: String, source: String) -> Field {
        Field(key: key, shape: .modelFile, unit: "", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if node.isNull { root[keyPath: path] = nil; return }
                  guard let reference = context.text(node, fieldPath, rule: .nonEmpty) else { return }
                  let card = ScorecardFile.load(reference, node: node, kind: kind, path: fieldPath,
                                                scenarioFile: context.fallback.file, context: &context)
                  if let card { root[keyPath: path] = card }
              },
              encode: { root in root[keyPath: path].map { .string($0.source) } ?? .null })
    }}

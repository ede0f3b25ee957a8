import CardsimEngine

/// One key of a section: its YAML name and shape, its documentation, and how it reads into
/// (and is read back out of) the engine value through a key path.
struct Field<Root> {
    var key: String
    var shape: FieldShape
    var required = false
    /// Unit of the value; empty when dimensionless.
    var unit: String
    /// One line saying what the value means.
    var doc: String
    /// Where the default comes from: the product brief, regulation, or "assumption".
    var source: String
    var decode: (DocumentNode, inout Root, inout DecodeContext, String) -> Void
    /// The current value as JSON; nil for overlays, which have no value of their own.
    var encode: (Root) -> JSONValue?
}

extension Field {
    static func number(_ key: String, _ path: WritableKeyPath<Root, Double>, _ range: NumberRange, unit: String,
                       doc: String, source: String, required: Bool = false) -> Field {
        Field(key: key, shape: .number(range), required: required, unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if let value = context.number(node, fieldPath, range: range, unit: unit) { root[keyPath: path] = value }
              },
              encode: { .number($0[keyPath: path]) })
    }

    static func integer(_ key: String, _ path: WritableKeyPath<Root, Int>, _ range: IntegerRange, unit: String,
                        doc: String, source: String, required: Bool = false) -> Field {
        Field(key: key, shape: .integer(range), required: required, unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if let value = context.integer(node, fieldPath, range: range, unit: unit) { root[keyPath: path] = value }
              },
              encode: { .integer($0[keyPath: path]) })
    }

    static func unsigned(_ key: String, _ path: WritableKeyPath<Root, UInt64>, doc: String, source: String) -> Field {
        Field(key: key, shape: .unsigned, unit: "", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if let value = context.unsigned(node, fieldPath) { root[keyPath: path] = value }
              },
              encode: { .unsigned($0[keyPath: path]) })
    }

    static func boolean(_ key: String, _ path: WritableKeyPath<Root, Bool>, doc: String, source: String) -> Field {
        Field(key: key, shape: .boolean, unit: "", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if let value = context.boolean(node, fieldPath) { root[keyPath: path] = value }
              },
              encode: { .bool($0[keyPath: path]) })
    }

    static func text(_ key: String, _ path: WritableKeyPath<Root, String>, rule: TextRule = .nonEmpty,
                     doc: String, source: String, required: Bool = false) -> Field {
        Field(key: key, shape: .text(rule), required: required, unit: "", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if let value = context.text(node, fieldPath, rule: rule) { root[keyPath: path] = value }
              },
              encode: { .string($0[keyPath: path]) })
    }

    static func choice<Value: Equatable>(_ key: String, _ path: WritableKeyPath<Root, Value>,
                                         options: [(name: String, value: Value)], doc: String, source: String,
                                         required: Bool = false) -> Field {
        Field(key: key, shape: .choice(options.map(\.name)), required: required, unit: "", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if let name = context.choice(node, fieldPath, options: options.map(\.name)),
                     let option = options.first(where: { $0.name == name }) {
                      root[keyPath: path] = option.value
                  }
              },
              encode: { root in
                  options.first { $0.value == root[keyPath: path] }.map { .string($0.name) }
              })
    }

    /// A list of exactly `labels.count` numbers.
    static func numbers(_ key: String, _ path: WritableKeyPath<Root, [Double]>, labels: [String], _ range: NumberRange,
                        unit: String, doc: String, source: String) -> Field {
        let count = labels.count
        return Field(key: key, shape: .numbers(count: count, range: range, labels: labels), unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard let items = context.sequence(node, fieldPath, expected: "a list of \(count) numbers") else { return }
                  var values: [Double] = []
                  for (index, item) in items.enumerated() {
                      let itemPath = "\(fieldPath)[\(index)]"
                      context.record(itemPath, item.location)
                      if let value = context.number(item, itemPath, range: range, unit: unit) { values.append(value) }
                  }
                  guard items.count == count else {
                      context.fail(fieldPath)
                      context.report(node.location,
                                     "wrong number of entries for \(fieldPath); expected \(count) numbers (\(labels.joined(separator: ", "))), found \(items.count)")
                      return
                  }
                  if values.count == count { root[keyPath: path] = values }
              },
              encode: { .array($0[keyPath: path].map { .number($0) }) })
    }

    /// Shares of spend by category: missing categories are 0, the shares sum to 1.
    static func categoryShares(_ key: String, _ path: WritableKeyPath<Root, [Double]>, doc: String, source: String) -> Field {
        let names = Category.allCases.map(\.name)
        return Field(key: key, shape: .categoryShares, unit: "share of spend", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard let read = readKeyed(node, fieldPath, keys: names, noun: "spending category", range: .fraction,
                                             unit: "share of spend", context: &context) else { return }
                  var shares = [Double](repeating: 0, count: names.count)
                  for (index, name) in names.enumerated() { shares[index] = read.values[name] ?? 0 }
                  root[keyPath: path] = shares
                  let total = shares.reduce(0, +)
                  if read.complete, abs(total - 1) > 1e-9 {
                      context.report(node.location,
                                     "shares in \(fieldPath) do not sum to 1; expected a total of 1, found \(NumberText.rounded(total))")
                  }
              },
              encode: { root in .object(names.indices.map { JSONValue.Member(names[$0], .number(root[keyPath: path][$0])) }) })
    }

    /// A value per spending category; categories not given keep their value.
    static func categoryValues(_ key: String, _ path: WritableKeyPath<Root, [Double]>, _ range: NumberRange, unit: String,
                               doc: String, source: String) -> Field {
        keyedValues(key, path, keys: Category.allCases.map { ($0.name, [$0.rawValue]) }, noun: "spending category",
                    range, unit: unit, doc: doc, source: source)
    }

    /// A mapping with fixed keys, each written to the listed entries of an array (a symmetric
    /// matrix entry is written twice); keys not given keep their value.
    static func keyedValues(_ key: String, _ path: WritableKeyPath<Root, [Double]>, keys: [(name: String, indices: [Int])],
                            noun: String, _ range: NumberRange, unit: String, doc: String, source: String) -> Field {
        let names = keys.map(\.name)
        return Field(key: key, shape: .keyedValues(keys: names, noun: noun, range: range), unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard let read = readKeyed(node, fieldPath, keys: names, noun: noun, range: range, unit: unit,
                                             context: &context) else { return }
                  var values = root[keyPath: path]
                  for (name, indices) in keys { if let value = read.values[name] { for index in indices { values[index] = value } } }
                  root[keyPath: path] = values
              },
              encode: { root in .object(keys.map { JSONValue.Member($0.name, .number(root[keyPath: path][$0.indices[0]])) }) })
    }

    /// A mapping from free names (channel names) to numbers; replaces the current mapping.
    static func numberMap(_ key: String, _ path: WritableKeyPath<Root, [String: Double]>, _ range: NumberRange,
                          unit: String, doc: String, source: String) -> Field {
        Field(key: key, shape: .numberMap(range), unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard let entries = context.mapping(node, fieldPath) else { return }
                  var values: [String: Double] = [:]
                  for entry in entries {
                      guard let name = context.key(entry, fieldPath) else { continue }
                      let entryPath = "\(fieldPath).\(name)"
                      context.record(entryPath, entry.value.location)
                      context.recordKey(entryPath, entry.key.location)
                      if let value = context.number(entry.value, entryPath, range: range, unit: unit) { values[name] = value }
                  }
                  root[keyPath: path] = values
              },
              encode: { root in
                  .object(root[keyPath: path].sorted { $0.key < $1.key }.map { JSONValue.Member($0.key, .number($0.value)) })
              })
    }

    static func section<Sub>(_ key: String, _ path: WritableKeyPath<Root, Sub>, _ section: Section<Sub>,
                             doc: String, required: Bool = false) -> Field {
        Field(key: key, shape: .section(section.info), required: required, unit: "", doc: doc, source: "",
              decode: { node, root, context, fieldPath in
                  var value = root[keyPath: path]
                  section.decode(node, into: &value, path: fieldPath, context: &context)
                  root[keyPath: path] = value
              },
              encode: { section.encode($0[keyPath: path]) })
    }

    /// A nested mapping that may be left out or set to null (none); when given, it is read over
    /// the current value or, if there is none, over `section`'s default.
    static func optionalSection<Sub>(_ key: String, _ path: WritableKeyPath<Root, Sub?>, _ section: Section<Sub>,
                                     doc: String, source: String) -> Field {
        Field(key: key, shape: .optionalSection(section.info), unit: "", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if node.isNull { root[keyPath: path] = nil; return }
                  var value = root[keyPath: path] ?? section.defaultValue
                  section.decode(node, into: &value, path: fieldPath, context: &context)
                  root[keyPath: path] = value
              },
              encode: { root in root[keyPath: path].map { section.encode($0) } ?? .null })
    }

    /// A list of named items. Item paths in messages and `--set` use the item's name.
    static func list<Item>(_ key: String, _ path: WritableKeyPath<Root, [Item]>, item: Section<Item>,
                           noun: String, name: KeyPath<Item, String>, minimumCount: Int = 0,
                           uniqueNames: Bool = true, doc: String, source: String,
                           check: (([Item], [DocumentNode], inout DecodeContext, String) -> Void)? = nil) -> Field {
        Field(key: key, shape: .list(item.info, noun: noun, minimumCount: minimumCount), unit: "", doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard let nodes = context.sequence(node, fieldPath, expected: "a list of \(noun)s") else { return }
                  if nodes.count < minimumCount {
                      context.report(node.location,
                                     "too few \(noun)s in \(fieldPath); expected at least \(minimumCount), found \(nodes.count)")
                  }
                  var values: [Item] = []
                  var firstUse: [String: SourceLocation] = [:]
                  var paths = ListPath(fieldPath)
                  for (index, itemNode) in nodes.enumerated() {
                      let itemPath = paths.next(index: index, node: itemNode)
                      var value = item.defaultValue
                      item.decode(itemNode, into: &value, path: itemPath, context: &context)
                      let itemName = value[keyPath: name]
                      if uniqueNames, !itemName.isEmpty, let nameNode = itemNode["name"] {
                          if let first = firstUse[itemName] {
                              context.report(nameNode.location,
                                             "duplicate \(noun) name '\(itemName)' in \(fieldPath); expected each \(noun) to have its own name, found '\(itemName)' again",
                                             hint: "first used at \(first.humanReadable(seenFrom: nameNode.location))")
                          } else {
                              firstUse[itemName] = nameNode.location
                          }
                      }
                      values.append(value)
                  }
                  root[keyPath: path] = values
                  check?(values, nodes, &context, fieldPath)
              },
              encode: { root in .array(root[keyPath: path].map { item.encode($0) }) })
    }

    /// A mapping kept as a node, to be applied later onto a base value with `section`'s table.
    static func overlay<Sub>(_ key: String, _ path: WritableKeyPath<Root, DocumentNode?>, _ section: Section<Sub>,
                             doc: String) -> Field {
        Field(key: key, shape: .overlay(section.info), unit: "", doc: doc, source: "",
              decode: { node, root, context, fieldPath in
                  if context.mapping(node, fieldPath) != nil { root[keyPath: path] = node }
              },
              encode: { _ in nil })
    }
}

/// Paths of the items of one list: by name when the item has a usable name not used by an
/// earlier item, else by 0-based index ("market.segments.families", "market.segments[2]").
struct ListPath {
    var listPath: String
    private var used: Set<String> = []

    init(_ listPath: String) { self.listPath = listPath }

    mutating func next(index: Int, node: DocumentNode) -> String {
        next(index: index, name: node["name"].flatMap { name in
            if case .scalar(let scalar) = name.content, scalar.kind != .null { return scalar.text }
            return nil
        })
    }

    mutating func next(index: Int, name: String?) -> String {
        if let name, !name.isEmpty, !name.contains("."), !name.contains("="), used.insert(name).inserted {
            return "\(listPath).\(name)"
        }
        return "\(listPath)[\(index)]"
    }

    /// Paths of all items of a list, in order.
    static func items(_ listPath: String, _ nodes: [DocumentNode]) -> [String] {
        var paths = ListPath(listPath)
        return nodes.indices.map { paths.next(index: $0, node: nodes[$0]) }
    }
}

/// Reads a mapping whose keys come from `keys`: the values read, and whether every entry was valid;
/// nil when the node is not a mapping.
private func readKeyed(_ node: DocumentNode, _ path: String, keys: [String], noun: String, range: NumberRange, unit: String,
                       context: inout DecodeContext) -> (values: [String: Double], complete: Bool)? {
    guard let entries = context.mapping(node, path) else { return nil }
    var values: [String: Double] = [:]
    var complete = true
    for entry in entries {
        guard let key = context.key(entry, path) else { complete = false; continue }
        guard keys.contains(key) else {
            context.report(entry.key.location,
                           "unknown \(noun) in \(path); expected one of \(keys.joined(separator: ", ")), found '\(key)'",
                           hint: Suggestion.nearest(to: key, among: keys).map { "did you mean '\($0)'?" })
            complete = false
            continue
        }
        let entryPath = "\(path).\(key)"
        context.record(entryPath, entry.value.location)
        if let value = context.number(entry.value, entryPath, range: range, unit: unit) {
            values[key] = value
        } else {
            complete = false
        }
    }
    return (values, complete)
}

import CardsimEngine

/// Field builders used by the strategy-lever tables: lever windows (`start_month`,
/// `end_month`), optional integers, lists of names, and lifting a table of one engine struct
/// into a table of a struct that holds it.
extension Field {
    /// An integer within a range, or null (none).
    static func optionalInteger(_ key: String, _ path: WritableKeyPath<Root, Int?>, _ range: IntegerRange, unit: String,
                                doc: String, source: String) -> Field {
        Field(key: key, shape: .optionalInteger(range), unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if node.isNull { root[keyPath: path] = nil; return }
                  guard case .scalar(let scalar) = node.content, scalar.kind == .int else {
                      context.wrongType(node, fieldPath, expected: "an integer or null"); return
                  }
                  if let value = context.integer(node, fieldPath, range: range, unit: unit) { root[keyPath: path] = value }
              },
              encode: { root in root[keyPath: path].map { .integer($0) } ?? .null })
    }

    /// An integer within a range, or the word `none` (nil). `zeroHint`, if given, is the hint
    /// for a 0 the range refuses (e.g. what to write instead).
    static func integerOrNone(_ key: String, _ path: WritableKeyPath<Root, Int?>, _ range: IntegerRange, unit: String,
                              doc: String, source: String, zeroHint: String? = nil) -> Field {
        Field(key: key, shape: .integerOrNone(range), unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard case .scalar(let scalar) = node.content, scalar.kind == .int || scalar.text == "none" else {
                      context.wrongType(node, fieldPath, expected: "an integer \(range.phrase) or none"); return
                  }
                  if scalar.text == "none" { root[keyPath: path] = nil; return }
                  if scalar.text == "0", let hint = zeroHint, !range.contains(0) {
                      context.fail(fieldPath)
                      context.report(node.location, "value out of range for \(fieldPath); expected an integer \(range.phrase) or none, found 0",
                                     hint: hint)
                      return
                  }
                  if let value = context.integer(node, fieldPath, range: range, unit: unit) { root[keyPath: path] = value }
              },
              encode: { root in root[keyPath: path].map { .integer($0) } ?? .string("none") })
    }

    /// A number within a range, or null (none).
    static func optionalNumber(_ key: String, _ path: WritableKeyPath<Root, Double?>, _ range: NumberRange, unit: String,
                               doc: String, source: String = "none") -> Field {
        Field(key: key, shape: .optionalNumber(range), unit: unit, doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  if node.isNull { root[keyPath: path] = nil; return }
                  if let value = context.number(node, fieldPath, range: range, unit: unit) { root[keyPath: path] = value }
              },
              encode: { root in root[keyPath: path].map { .number($0) } ?? .null })
    }

    /// A list of at least `minimumCount` non-empty names (e.g. segment names); replaces the
    /// current list. Each entry's location is recorded as `PATH[i]`.
    static func names(_ key: String, _ path: WritableKeyPath<Root, [String]>, noun: String, minimumCount: Int,
                      required: Bool = false, doc: String, source: String) -> Field {
        Field(key: key, shape: .names(noun: noun, minimumCount: minimumCount), required: required, unit: "",
              doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard let items = context.sequence(node, fieldPath, expected: "a list of \(noun) names") else { return }
                  if items.count < minimumCount {
                      context.fail(fieldPath)
                      context.report(node.location,
                                     "too few \(noun) names in \(fieldPath); expected at least \(minimumCount), found \(items.count)")
                  }
                  var values: [String] = []
                  for (index, item) in items.enumerated() {
                      let itemPath = "\(fieldPath)[\(index)]"
                      context.record(itemPath, item.location)
                      if let value = context.text(item, itemPath, rule: .nonEmpty) { values.append(value) }
                  }
                  if values.count == items.count { root[keyPath: path] = values }
              },
              encode: { .array($0[keyPath: path].map { .string($0) }) })
    }

    /// A spending category by name.
    static func category(_ key: String, _ path: WritableKeyPath<Root, CardsimEngine.Category>, doc: String, source: String,
                         required: Bool = false) -> Field {
        .choice(key, path, options: CardsimEngine.Category.allCases.map { ($0.name, $0) }, doc: doc, source: source,
                required: required)
    }

    /// This field reading into the `Root` held at `path` of an outer value.
    func lifted<Outer>(_ path: WritableKeyPath<Outer, Root>) -> Field<Outer> {
        let decode = self.decode, encode = self.encode
        return Field<Outer>(key: key, shape: shape, required: required, unit: unit, doc: doc, source: source,
                            decode: { node, outer, context, fieldPath in decode(node, &outer[keyPath: path], &context, fieldPath) },
                            encode: { encode($0[keyPath: path]) })
    }
}

extension SectionCheck {
    /// This rule checking the `Root` held at `path` of an outer value.
    func lifted<Outer>(_ path: WritableKeyPath<Outer, Root>) -> SectionCheck<Outer> {
        let run = self.run
        return SectionCheck<Outer>(fields: fields) { outer, context, sectionPath in run(outer[keyPath: path], &context, sectionPath) }
    }
}

extension Tables {
    /// `start_month` and `end_month` of a lever whose window is at `path`.
    static func windowFields<Root>(_ path: WritableKeyPath<Root, LeverWindow>, lever: String,
                                   startDoc: String? = nil, endDoc: String? = nil) -> [Field<Root>] {
        [
            .integer("start_month", path.appending(path: \.startMonth), .closed(1, RunLimits.maximumMonths), unit: "month of the run",
                     doc: startDoc ?? "First month \(lever) is in force (1 = from the start of the run); at most run.months.",
                     source: "from the first month"),
            .optionalInteger("end_month", path.appending(path: \.endMonth), .closed(1, RunLimits.maximumMonths), unit: "month of the run",
                             doc: endDoc ?? "Last month \(lever) is in force, inclusive; null = to the end of the run. At least start_month and at most run.months.",
                             source: "to the end of the run"),
        ]
    }

    /// `end_month` is not before `start_month`.
    static func windowCheck<Root>(_ path: WritableKeyPath<Root, LeverWindow>) -> SectionCheck<Root> {
        SectionCheck(fields: ["start_month", "end_month"]) { value, context, sectionPath in
            let window = value[keyPath: path]
            guard let end = window.endMonth, end < window.startMonth else { return }
            context.report(context.location("\(sectionPath).end_month"),
                           "end_month before start_month in \(sectionPath); expected at least \(window.startMonth), found \(end)")
        }
    }

    /// A mapping holding only a window: `channels_window:`.
    static func windowSection(lever: String, startDoc: String, endDoc: String) -> Section<LeverWindow> {
        Section(defaultValue: LeverWindow.always,
                fields: windowFields(\.self, lever: lever, startDoc: startDoc, endDoc: endDoc),
                checks: [windowCheck(\.self)])
    }
}

/// Limits of the run that lever tables share.
enum RunLimits {
    /// Largest `run.months`, and so the largest month a lever window may name.
    static let maximumMonths = 600
}

extension Field {
    /// A non-empty string, or null (nil).
    static func optionalText(_ key: String, _ path: WritableKeyPath<Root, String?>, doc: String) -> Field {
        Field(key: key, shape: .text(.nonEmpty), unit: "", doc: doc, source: "none",
              decode: { node, root, context, fieldPath in
                  if node.isNull { root[keyPath: path] = nil; return }
                  if let value = context.text(node, fieldPath, rule: .nonEmpty) { root[keyPath: path] = value }
              },
              encode: { root in root[keyPath: path].map { .string($0) } ?? .null })
    }

    /// A non-negative 64-bit integer, or null (nil).
    static func optionalUnsigned(_ key: String, _ path: WritableKeyPath<Root, UInt64?>, doc: String) -> Field {
        Field(key: key, shape: .unsigned, unit: "", doc: doc, source: "none",
              decode: { node, root, context, fieldPath in
                  if node.isNull { root[keyPath: path] = nil; return }
                  if let value = context.unsigned(node, fieldPath) { root[keyPath: path] = value }
              },
              encode: { root in root[keyPath: path].map { .unsigned($0) } ?? .null })
    }

    /// A mapping from free names to mappings read with `item`'s table, kept in file order; the
    /// entry's key goes into the item at `key`. Each entry's key location is recorded.
    static func sectionMap<Item>(_ key: String, _ path: WritableKeyPath<Root, [Item]>, item: Section<Item>, noun: String,
                                 key itemKey: WritableKeyPath<Item, String>, minimumCount: Int, doc: String, source: String,
                                 required: Bool = false) -> Field {
        Field(key: key, shape: .sectionMap(item.info, noun: noun, minimumCount: minimumCount), required: required, unit: "",
              doc: doc, source: source,
              decode: { node, root, context, fieldPath in
                  guard let entries = context.mapping(node, fieldPath) else { return }
                  if entries.count < minimumCount {
                      context.fail(fieldPath)
                      context.report(node.location, "too few \(noun)s in \(fieldPath); expected at least \(minimumCount), found \(entries.count)")
                  }
                  var items: [Item] = []
                  var seen: [String: SourceLocation] = [:]
                  for entry in entries {
                      guard let name = context.key(entry, fieldPath) else { continue }
                      let entryPath = "\(fieldPath).\(name)"
                      if let first = seen[name] {
                          context.report(entry.key.location, "\(name) is given twice in \(fieldPath); expected each \(noun) once, found it again",
                                         hint: "first given at \(first.humanReadable(seenFrom: entry.key.location))")
                          continue
                      }
                      seen[name] = entry.key.location
                      context.recordKey(entryPath, entry.key.location)
                      var value = item.defaultValue
                      value[keyPath: itemKey] = name
                      item.decode(entry.value, into: &value, path: entryPath, context: &context)
                      items.append(value)
                  }
                  root[keyPath: path] = items
              },
              encode: { root in .object(root[keyPath: path].map { JSONValue.Member($0[keyPath: itemKey], item.encode($0)) }) })
    }
}

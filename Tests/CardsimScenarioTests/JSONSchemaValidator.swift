import Foundation

/// A validator for the subset of JSON Schema that `ScenarioSchema` emits: type (a name or a list
/// of names), properties, additionalProperties (false or a schema), required, items, minItems,
/// maxItems, enum, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, pattern and
/// if/then/else.
/// Values are as `JSONSerialization` returns them.
struct JSONSchemaValidator {
    var schema: [String: Any]

    /// Every violation, as "JSON-pointer: what is wrong"; empty when the instance is valid.
    func violations(of instance: Any) -> [String] {
        var out: [String] = []
        check(instance, against: schema, at: "", into: &out)
        return out
    }

    private func check(_ value: Any, against schema: [String: Any], at pointer: String, into out: inout [String]) {
        let here = pointer.isEmpty ? "/" : pointer
        if let condition = schema["if"] as? [String: Any] {
            var failures: [String] = []
            check(value, against: condition, at: pointer, into: &failures)
            if let branch = schema[failures.isEmpty ? "then" : "else"] as? [String: Any] {
                check(value, against: branch, at: pointer, into: &out)
            }
        }
        let types = (schema["type"] as? String).map { [$0] } ?? (schema["type"] as? [String] ?? [])
        if !types.isEmpty, !types.contains(where: { Self.matches(value, $0) }) {
            out.append("\(here): expected \(types.joined(separator: " or ")), found \(Self.kind(of: value))")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            out.append("\(here): not one of the allowed values")
        }
        if let number = Self.number(value) {
            if let minimum = Self.number(schema["minimum"]), number < minimum { out.append("\(here): below minimum \(minimum)") }
            if let maximum = Self.number(schema["maximum"]), number > maximum { out.append("\(here): above maximum \(maximum)") }
            if let minimum = Self.number(schema["exclusiveMinimum"]), number <= minimum { out.append("\(here): not above \(minimum)") }
            if let maximum = Self.number(schema["exclusiveMaximum"]), number >= maximum { out.append("\(here): not below \(maximum)") }
        }
        if let text = value as? String {
            if let minimum = schema["minLength"] as? Int, text.count < minimum { out.append("\(here): shorter than \(minimum)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                out.append("\(here): does not match \(pattern)")
            }
        }
        if let items = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, items.count < minimum { out.append("\(here): fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, items.count > maximum { out.append("\(here): more than \(maximum) items") }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(pointer)/\(index)", into: &out) }
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in (schema["required"] as? [String] ?? []) where object[key] == nil {
                out.append("\(here): missing required property \(key)")
            }
            for key in object.keys.sorted() {
                let child = "\(pointer)/\(key)"
                if let propertySchema = properties[key] as? [String: Any] {
                    check(object[key]!, against: propertySchema, at: child, into: &out)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(object[key]!, against: additional, at: child, into: &out)
                } else if Self.isFalse(schema["additionalProperties"]) {
                    out.append("\(child): property not allowed")
                }
            }
        }
    }

    /// JSONSerialization gives booleans as NSNumber with objCType "c".
    static func isBoolean(_ value: Any) -> Bool {
        if value is Bool, !(value is NSNumber) { return true }
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func number(_ value: Any?) -> Double? {
        guard let value, !isBoolean(value), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    private static func isFalse(_ value: Any?) -> Bool {
        guard let value, isBoolean(value) else { return false }
        return (value as? NSNumber)?.boolValue == false
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "number": return number(value) != nil
        case "integer": return number(value).map { $0 == $0.rounded() } ?? false
        case "null": return value is NSNull
        default: return false
        }
    }

    static func kind(of value: Any) -> String {
        if isBoolean(value) { return "boolean" }
        if number(value) != nil { return "number" }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        if value is NSNull { return "null" }
        return "\(type(of: value))"
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = number(a), let b = number(b) { return a == b }
        return false
    }
}

import CardsimEngine

/// The KPI ids every `summary.json` must hold, for test bundles that do not link the engine.
public enum KPIIdentifiers {
    public static let all: [String] = KPI.all.map(\.id)
}

/// The file formats charts are drawn in, each with its gnuplot terminal.
public enum ChartFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    /// The font of every chart: a CJK font first, so that Chinese scenario and strategy names
    /// render (Debian: fonts-wqy-microhei), then fallbacks.
    public static let font = "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif"

    /// File name extension.
    public var fileExtension: String { rawValue }

    /// The `set terminal` command for a chart `width` x `height` pixels (PDF: at 96 pixels
    /// per inch, so a 960 x 600 chart is a 10 x 6.25 inch page).
    /// `fontSize` (points) replaces the format's default: 11 (PNG), 12 (SVG), 10 (PDF).
    func terminal(width: Int, height: Int, fontSize: Int? = nil) -> String {
        switch self {
        case .png:
            return "set terminal pngcairo size \(width),\(height) noenhanced font \"\(ChartFormat.font),\(fontSize ?? 11)\" background rgb \"white\""
        case .svg:
            return "set terminal svg size \(width),\(height) fixed noenhanced font \"\(ChartFormat.font),\(fontSize ?? 12)\" background rgb \"white\""
        case .pdf:
            let w = GnuplotScript.number(Double(width) / 96), h = GnuplotScript.number(Double(height) / 96)
            return "set terminal pdfcairo size \(w)in,\(h)in noenhanced font \"\(ChartFormat.font),\(fontSize ?? 10)\" background rgb \"white\""
        }
    }
}

/// The Python of an exported notebook: a setup cell that reloads the run's files with pandas,
/// and one matplotlib function per chart kind, each redrawing what the gnuplot chart shows.
enum NotebookCode {
    /// A Python string literal.
    static func py(_ s: String) -> String { NotebookJSON.literal(s) }

    /// A Python float literal.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "float(\"nan\")" }
        return x == x.rounded() && abs(x) < 1e15 ? "\(Int64(x))" : "\(x)"
    }

    /// The setup cell: imports, the data folder, the run's tables, constants.
    static func setup(_ run: RunData, dataFolder: String) -> String {
        let channels = run.scenario.strategies.map { s in
            "    \(py(s.name)): [" + s.channels.map { py($0.name) }.joined(separator: ", ") + "],"
        }.joined(separator: "\n")
        let discount = run.scenario.strategies.map { "\(py($0.name)): \(number($0.economics.discountRate))" }.joined(separator: ", ")
        let lines = KPIText.profitLines(run.kpiIDs).map { "    (\(py($0.id)), \(py(KPIText.lineLabel($0.id)))),\n" }.joined()
        let t = run.paths > 1 ? number((StudentT95.multiplier(degreesOfFreedom: run.paths - 1) * 1e6).rounded() / 1e6) : "float(\"nan\")"
        return """
            # Reload the run: the files cardsim wrote, copied next to this notebook.
            import json
            from pathlib import Path

            import matplotlib.pyplot as plt
            import pandas as pd

            # Names are text, never TeX: a '$' in a strategy or segment name stays a '$'.
            plt.rcParams["text.parse_math"] = False

            DATA = Path(\(py(dataFolder)))
            summary = json.loads((DATA / "summary.json").read_text(encoding="utf-8"))
            text = {"strategy": str}
            monthly = pd.read_csv(DATA / "monthly.csv", dtype=text)          # month, strategy, kpi, mean, p5, p50, p95
            paths = pd.read_csv(DATA / "paths.csv", dtype=text)              # one row per path and strategy
            ledger = pd.read_csv(DATA / "ledger.csv", dtype=text)            # raw monthly records of every path
            bands = pd.read_csv(DATA / "bands.csv", dtype=text)              # month, strategy, kpi, p5, p25, p50, p75, p95
            attribution = pd.read_csv(DATA / "attribution.csv", dtype=text)  # path, strategy, line, discounted contribution
            # path, strategy, acquisition quarter, months on book: accounts booked, open, ever 30+ / 90+ days past due, losses
            vintages = pd.read_csv(DATA / "vintages.csv", dtype=text) if (DATA / "vintages.csv").exists() else None

            STRATEGIES = [s["name"] for s in summary["strategies"]]
            CHAMPION = STRATEGIES[0]
            PATHS = summary["paths"]
            MONTHS = summary["months"]
            WEIGHT = summary["agent_weight"]  # adults per simulated agent
            T95 = \(t)  # Student t multiplier of a 95% interval, PATHS - 1 degrees of freedom
            CHANNELS = {
            \(channels)
            }
            DISCOUNT_RATES = {\(discount)}
            PROFIT_LINES = [  # P&L lines (KPI id, label): revenue first, then costs
            \(lines)]
            COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"]
            BUCKETS = ["1-29 days", "30-59 days", "60-89 days", "90-119 days", "120-149 days", "150-179 days"]
            BUCKET_COLOURS = ["#FEE391", "#FEC44F", "#FE9929", "#EC7014", "#CC4C02", "#8C2D04"]

            plt.rcParams.update({
                "figure.figsize": (10, 6), "axes.spines.top": False, "axes.spines.right": False,
                "axes.grid": True, "axes.grid.axis": "y", "grid.color": "#E0E0E0", "axes.unicode_minus": False,
                "font.sans-serif": ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "DejaVu Sans"],
            })


            def colour(strategy):
                return COLOURS[STRATEGIES.index(strategy) % len(COLOURS)]


            def paired_difference(values, challenger):
                \"\"\"Challenger minus champion, path by path (both ran on the same random draws): mean and 95% interval.\"\"\"
                champion = values[values.strategy == CHAMPION].set_index("path")
                other = values[values.strategy == challenger].set_index("path")
                d = other.drop(columns="strategy") - champion.drop(columns="strategy")
                half = T95 * d.std(ddof=1) / len(d) ** 0.5
                return d.mean(), d.mean() - half, d.mean() + half


            print(f"{summary['scenario']['name']}: {PATHS} paths x {summary['months']} months, strategies {STRATEGIES}")
            """
    }

    /// Matplotlib functions, one per chart kind.
    static let functions = """
        def fan(kpi, title, scale, ylabel):
            \"\"\"A KPI over months: median over paths (line), central 50% and 90% of paths (bands).\"\"\"
            fig, ax = plt.subplots()
            for s in STRATEGIES:
                b = bands[(bands.kpi == kpi) & (bands.strategy == s)].sort_values("month")
                c = colour(s)
                ax.fill_between(b.month, b.p5 * scale, b.p95 * scale, color=c, alpha=0.12, linewidth=0)
                ax.fill_between(b.month, b.p25 * scale, b.p75 * scale, color=c, alpha=0.28, linewidth=0)
                ax.plot(b.month, b.p50 * scale, color=c, linewidth=2.5, label=s)
            ax.set(title=title, xlabel="month", ylabel=ylabel)
            ax.legend(title="median; bands: 50% and 90% of paths")
            plt.show()


        def comparison(kpis):
            \"\"\"Each challenger's difference from the champion, per KPI: mean and 95% interval.\"\"\"
            challengers = STRATEGIES[1:]
            rows = (len(kpis) + 1) // 2
            fig, axes = plt.subplots(rows, 2 if len(kpis) > 1 else 1, figsize=(10, 2.6 * rows + 1), squeeze=False)
            for ax, (kpi, label, scale, unit) in zip(axes.flat, kpis):
                for i, s in enumerate(challengers):
                    mean, low, high = paired_difference(paths[["path", "strategy", kpi]], s)
                    m, lo, hi = mean[kpi] * scale, low[kpi] * scale, high[kpi] * scale
                    ax.errorbar([i], [m], yerr=[[m - lo], [hi - m]], fmt="o", color=colour(s), capsize=4, linewidth=2)
                ax.axhline(0, color="#777777", linestyle="--", linewidth=1)
                ax.set_xticks(range(len(challengers)), challengers)
                ax.set_xlim(-0.5, len(challengers) - 0.5)
                ax.set(title=label, ylabel=unit)
            for ax in list(axes.flat)[len(kpis):]:
                ax.set_visible(False)
            fig.suptitle(f"Difference from the champion, {CHAMPION}: mean and 95% interval over {PATHS} paired paths")
            fig.tight_layout()
            plt.show()


        def waterfall(challenger, scale, unit):
            \"\"\"Where the NPV difference comes from: each P&L line's paired difference, stacked to the total.\"\"\"
            lines = attribution.pivot_table(index=["path"], columns=["strategy", "line"], values="contribution")
            d = lines[challenger] - lines[CHAMPION]
            total = paired_difference(paths[["path", "strategy", "npv"]], challenger)
            fig, ax = plt.subplots()
            level, labels = 0.0, []
            for line, label in PROFIT_LINES:
                if line not in d or (d[line] == 0).all():
                    continue
                m = d[line].mean()
                half = T95 * d[line].std(ddof=1) / len(d) ** 0.5
                x = len(labels)
                ax.bar(x, m * scale, bottom=level * scale, color="#009E73" if m >= 0 else "#D55E00", width=0.7)
                ax.errorbar([x], [(level + m) * scale], yerr=[half * scale], color="#333333", capsize=3)
                labels.append(label)
                level += m
            m, lo, hi = (v["npv"] for v in total)
            x = len(labels)
            ax.bar(x, m * scale, color="#0072B2", width=0.7)
            ax.errorbar([x], [m * scale], yerr=[[(m - lo) * scale], [(hi - m) * scale]], color="#333333", capsize=3)
            labels.append("NPV difference")
            ax.axhline(0, color="#777777", linestyle="--", linewidth=1)
            ax.set_xticks(range(len(labels)), labels, rotation=35, ha="right")
            ax.set(title=f"Where the NPV difference comes from: {challenger} vs {CHAMPION}", ylabel=unit)
            fig.tight_layout()
            plt.show()


        def delinquency():
            \"\"\"Past-due receivables by bucket as a share of receivables, mean over paths, stacked.\"\"\"
            fig, axes = plt.subplots(1, len(STRATEGIES), figsize=(10 if len(STRATEGIES) == 1 else 5 * len(STRATEGIES), 6),
                                     sharey=True, squeeze=False)
            for ax, s in zip(axes[0], STRATEGIES):
                l = ledger[ledger.strategy == s]
                receivables = l["receivables_closing"].where(l["receivables_closing"] > 0)
                shares = pd.DataFrame({b: (l[f"receivables_by_bucket_{b}"] / receivables).fillna(0) for b in range(1, 7)})
                mean = shares.groupby(l["month"]).mean() * 100
                ax.stackplot(mean.index, [mean[b] for b in range(1, 7)], labels=BUCKETS, colors=BUCKET_COLOURS)
                ax.set(title=s, xlabel="month")
            axes[0][0].set_ylabel("% of receivables")
            handles = axes[0][-1].get_legend_handles_labels()[0]
            axes[0][-1].legend(handles[::-1], BUCKETS[::-1], loc="upper right")
            fig.suptitle("Past-due receivables by delinquency bucket (current balances not shown)")
            plt.show()


        def funnel(scale, unit):
            \"\"\"Applications, new accounts and first swipes over the run; applications by channel.\"\"\"
            fig, (left, right) = plt.subplots(1, 2)
            width = 0.8 / len(STRATEGIES)
            stages = ["applications", "new_accounts", "activations"]
            names = []
            for s in STRATEGIES:
                names += [c for c in CHANNELS[s] if c not in names]
            for i, s in enumerate(STRATEGIES):
                l = ledger[ledger.strategy == s]
                totals = l[stages].sum() * WEIGHT / PATHS
                x = [g + (i - (len(STRATEGIES) - 1) / 2) * width for g in range(3)]
                left.bar(x, totals * scale, width=width, color=colour(s), label=s)
                by_channel = {c: l[f"applications_by_channel_{k}"].sum() * WEIGHT / PATHS for k, c in enumerate(CHANNELS[s])}
                x = [g + (i - (len(STRATEGIES) - 1) / 2) * width for g in range(len(names))]
                right.bar(x, [by_channel.get(c, 0) * scale for c in names], width=width, color=colour(s))
            left.set_xticks(range(3), ["applications", "new accounts", "first swipes"])
            left.set(title="Funnel", ylabel=unit)
            left.legend()
            right.set_xticks(range(len(names)), names)
            right.set(title="Applications by channel", ylabel=unit)
            fig.suptitle(f"Acquisition and activation funnel, whole region, mean over {PATHS} paths")
            fig.tight_layout()
            plt.show()


        def vintage_curves():
            \"\"\"The champion's accounts ever 90+ days past due by months on book, one line per year of acquisition.\"\"\"
            v = vintages[vintages.strategy == CHAMPION].sort_values(["path", "quarter", "months_on_book"]).copy()
            v["year"] = (v.quarter - 1) // 4 + 1
            # Accounts newly 90+ at m, per account booked in the year's quarters observed at m, added up over m.
            v["new_90"] = v.ever_90 - v.groupby(["path", "quarter"]).ever_90.shift(fill_value=0)
            pooled = v.groupby(["year", "path", "months_on_book"])[["new_90", "booked"]].sum()
            rate = (pooled.new_90 / pooled.booked.where(pooled.booked > 0)).fillna(0)
            cumulative = rate.groupby(level=["year", "path"]).cumsum()
            booked = pooled.booked.groupby(level=["year", "path"]).transform("first") > 0  # m = 0 holds every quarter
            share = cumulative[booked].groupby(level=["year", "months_on_book"]).mean() * 100
            fig, ax = plt.subplots()
            for i, (year, curve) in enumerate(share.groupby(level="year")):
                curve = curve.droplevel("year")
                first, last = 12 * year - 11, min(12 * year, MONTHS)
                months = f"month {first}" if first == last else f"months {first}-{last}"
                ax.plot(curve.index, curve.values, color=COLOURS[i % len(COLOURS)], linewidth=2.5,
                        marker="o" if len(curve) == 1 else None, label=f"year {year} ({months})")
            ax.set(title=f"Vintage curves: accounts ever 90+ days past due\\n{CHAMPION}, by year of acquisition, mean over {PATHS} paths",
                   xlabel="months on book", ylabel="% of the vintage's accounts")
            ax.set_ylim(bottom=0)
            ax.legend(loc="upper left")
            plt.show()
        """

    /// The campaigns cell: ROI per path from `campaigns.csv`, by the holdout test and true.
    static let campaigns = """
        # Campaign ROI path by path from campaigns.csv (agent units; ROI is a ratio, so the agent weight cancels).
        arms = pd.read_csv(DATA / "campaigns.csv", dtype=text)
        for column in ["assigned", "cost", "net_income"]:
            arms[column] = arms[column].astype(float)
        totals = arms.groupby(["strategy", "campaign", "path", "arm"])[["assigned", "cost", "net_income"]].sum().unstack("arm")
        roi = pd.DataFrame({
            "true": (totals["net_income"]["treated"] - totals["net_income"]["treated_without"]) / totals["cost"]["treated"],
            "holdout test": (totals["net_income"]["treated"]
                             - totals["assigned"]["treated"] / totals["assigned"]["holdout"] * totals["net_income"]["holdout"])
                            / totals["cost"]["treated"],
        })
        summary_roi = roi.groupby(["strategy", "campaign"]).agg(["mean", "sem"])
        summary_roi
        """

    /// The segments cell: spend and new accounts by segment and strategy from `segments.csv`.
    static let segments = """
        # Run totals by segment and strategy from segments.csv (agent units; times agent_weight for the region).
        segments = pd.read_csv(DATA / "segments.csv", dtype={"strategy": str, "segment": str})
        weight = summary["agent_weight"]
        by_segment = segments.groupby(["strategy", "segment", "path"])[["new_accounts", "spend", "charge_offs"]].sum()
        (by_segment.groupby(["strategy", "segment"]).mean() * weight).round(0)
        """
}

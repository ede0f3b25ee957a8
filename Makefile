# cardsim: `make run` (install, build, run the baseline scenario) and `make test`.
SWIFT ?= swift
OUT ?= out/baseline

.PHONY: deps test-deps build run test cluster-test fuzz bench baselines check notebooks calibrate clean

# Size of the recorded runs of the shipped scenarios' baselines (docs/regression.md): small,
# so that the test suite's 'cardsim check' of every scenario stays quick.
BASELINE_SIZE ?= --paths 6 --agents 2000 --months 24

# What running and charting need (OpenBLAS/LAPACKE, gnuplot, a CJK font).
deps:
	@scripts/install-deps.sh

# The above and the test suite's tools (Chromium, a one-node Slurm cluster, Python notebook tools).
test-deps:
	@scripts/install-deps.sh --test

build: deps
	$(SWIFT) build -c release --product cardsim

run: build
	.build/release/cardsim run scenarios/baseline.yaml --out $(OUT)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) cluster-test
	$(MAKE) fuzz

# libFuzzer over the scenario and targets-file loaders for FUZZ_SECONDS (docs/fuzzing.md).
FUZZ_SECONDS ?= 60
fuzz: test-deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# 'cardsim slurm' on a one-node Slurm cluster started and stopped here (docs/cluster.md).
cluster-test: test-deps
	scripts/slurm-cluster-test.sh

bench: build
	.build/release/cardsim bench

# Record (or re-record) the baseline of every shipped scenario in Tests/Baselines; review the
# printed changes and 'git diff Tests/Baselines', then commit them with the model change.
baselines: build
	.build/release/cardsim baseline scenarios/*.yaml --out Tests/Baselines $(BASELINE_SIZE) --update

# Check every shipped scenario against its baseline (the test suite does this too).
check: build
	.build/release/cardsim check scenarios/*.yaml --baselines Tests/Baselines

# Export the notebook of every shipped scenario (or of NOTEBOOK_SCENARIOS) into notebooks-export/
# (NAME.ipynb and NAME-data/), from runs reduced to NOTEBOOK_SIZE so that the files stay small.
NOTEBOOK_SIZE ?= --paths 20 --agents 50000
NOTEBOOK_SCENARIOS ?= $(wildcard scenarios/*.yaml)
notebooks: build
	@for s in $(NOTEBOOK_SCENARIOS); do \
	  name=$$(basename $$s .yaml); \
	  .build/release/cardsim run $$s --out out/notebooks/$$name $(NOTEBOOK_SIZE) >/dev/null && \
	  .build/release/cardsim notebook out/notebooks/$$name --out notebooks-export/$$name.ipynb >/dev/null && \
	  echo "notebooks-export/$$name.ipynb" || exit 1; \
	done

# Refit the baseline's calibrated parameters to China's public figures (docs/calibration.md):
# writes out/calibration (calibrated.yaml, calibration.json, trace.csv and charts).
calibrate: build
	.build/release/cardsim calibrate scenarios/targets/china-2024.yaml --out out/calibration

clean:
	rm -rf .build out

# Regenerate the shipped scorecards (scenarios/models/, docs/model/risk-models.md): export the
# champion's book of scenarios/risk-model-upgrade.yaml in a riskier training market (so that
# 12-month bads are numerous enough to fit), then fit the basic and the local-data application
# scorecards, and a behaviour scorecard on the accounts open at month 18.
MODEL_DATA ?= out/models/application-features.csv
BEHAVIOUR_DATA ?= out/models/behaviour-features.csv
BEHAVIOUR_FEATURES = utilization,months_on_book,recent_delinquency,payment_ratio,log_income,other_cards,recent_applications
MODEL_MARKET ?= --set 'strategies.challengers=[]' --set market.regulation.issuance_stop=false --paths 8 --agents 120000 --months 36 --set 'market.credit.base_roll=[0.03, 0.30, 0.60, 0.70, 0.62, 0.68, 0.75]' --set market.credit.risk_slope=1.5 --set bank.risk.cutoff=-1.0
BASIC_FEATURES = log_income,age,other_cards,recent_applications,segment_young_professionals,segment_families,segment_high_net_worth,segment_new_urban_residents,segment_county_rural
.PHONY: models
models: build
	mkdir -p out/models
	.build/release/cardsim features scenarios/risk-model-upgrade.yaml --out $(MODEL_DATA) $(MODEL_MARKET)
	.build/release/cardsim fit scorecard $(MODEL_DATA) --target bad --features $(BASIC_FEATURES) --name application-basic --out scenarios/models/application-basic.yaml
	.build/release/cardsim fit scorecard $(MODEL_DATA) --target bad --exclude segment_seniors --name application-local-data --out scenarios/models/application-local-data.yaml
	.build/release/cardsim features scenarios/risk-model-upgrade.yaml --behaviour --at 18 --out $(BEHAVIOUR_DATA) $(MODEL_MARKET)
	.build/release/cardsim fit scorecard $(BEHAVIOUR_DATA) --target bad --features $(BEHAVIOUR_FEATURES) --name behaviour --out scenarios/models/behaviour.yaml

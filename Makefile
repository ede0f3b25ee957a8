# cardsim: `make run` (install, build, run the baseline scenario) and `make test`.
SWIFT ?= swift
OUT ?= out/baseline

.PHONY: deps build run test cluster-test bench baselines check notebooks clean

# Size of the recorded runs of the shipped scenarios' baselines (docs/regression.md): small,
# so that the test suite's 'cardsim check' of every scenario stays quick.
BASELINE_SIZE ?= --paths 6 --agents 2000 --months 24

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product cardsim

run: build
	.build/release/cardsim run scenarios/baseline.yaml --out $(OUT)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) cluster-test

# 'cardsim slurm' on a one-node Slurm cluster started and stopped here (docs/cluster.md).
cluster-test: deps
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

clean:
	rm -rf .build out

# cardsim: `make run` (install, build, run the baseline scenario) and `make test`.
SWIFT ?= swift
OUT ?= out/baseline

.PHONY: deps build run test bench clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product cardsim

run: build
	.build/release/cardsim run scenarios/baseline.yaml --out $(OUT)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

bench: build
	.build/release/cardsim bench

clean:
	rm -rf .build out

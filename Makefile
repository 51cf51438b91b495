# Spør trygt. `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
BIN     := $(VENV)/bin
MODEL   := models/spor-trygt.tar.gz
# Rasa's telemetry sends usage data out: off for every command, always.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore

# The safety net and the language files (data/languages: danger patterns, and the texts that
# generate domain/multilingual.yml) are read at run time, not trained: changing them needs no retraining.
TRAINING_INPUTS := config.yml $(wildcard domain/*.yml) bot/nlu/e5_featurizer.py $(shell find data -name '*.yml' ! -name services.yml ! -path 'data/languages/*')

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock
	@scripts/install.sh
	@touch $@

install: $(BIN)/.installed  ## create .venv (Python 3.10) from requirements.lock

lock: install  ## re-pin requirements.lock from the current .venv
	$(BIN)/pip freeze | grep -v '^-e' > requirements.lock

# The answers every language has, generated from one file per language.
domain/multilingual.yml: $(wildcard data/languages/*.yml) bot/multilingual_domain.py | $(BIN)/.installed
	$(BIN)/python -m bot.multilingual_domain

$(MODEL): $(BIN)/.installed $(TRAINING_INPUTS) domain/multilingual.yml
	@echo "Training (NLU data, stories, rules or config changed)…"
	$(BIN)/rasa train --domain domain --fixed-model-name spor-trygt --out models --quiet
	@touch $@

train: $(MODEL)  ## train the model if the data or config changed

run: $(MODEL)  ## install, train if needed, start Rasa + the action server, print the URL
	@if [ "$$($(BIN)/python -c 'from bot import settings as s; c = s.load(); print(int(c.uses_redis and not c.redis_url))')" = 1 ]; then scripts/install-redis.sh; fi
	$(BIN)/python -m bot.run

shell: $(MODEL)  ## chat with the assistant in the terminal (rasa shell + the action server)
	$(BIN)/python -m bot.run --shell

validate: install  ## check the training data (rasa data validate)
	$(BIN)/rasa data validate --domain domain --fail-on-warnings --quiet

test-stories: $(MODEL)  ## run the test stories in tests/stories
	$(BIN)/rasa test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out results/stories --quiet

/usr/bin/chromium:
	@scripts/install-chromium.sh

/usr/bin/redis-server:
	@scripts/install-redis.sh

test: validate $(MODEL) test-stories /usr/bin/chromium /usr/bin/redis-server  ## everything: validate, story tests, NLU evaluation, pytest (browser tests included)
	$(BIN)/python -m pytest

report: install  ## weekly anonymous counts, small ones hidden (ARGS="--html", "--csv", "--json", "--weeks 26")
	@$(BIN)/python -m bot.report $(ARGS)

check-services: install  ## services details to check again: older than 12 months, undated, unconfirmed (TODAY=YYYY-MM-DD)
	@$(BIN)/python -m bot.services.check $(if $(TODAY),--today $(TODAY))

crossval: install  ## 5-fold cross-validation of the NLU pipeline (slow: about 5 trainings)
	$(BIN)/rasa test nlu --nlu data/nlu --cross-validation --folds 5 --out results/crossval --quiet

bench: install  ## understanding, speed and cost beside stock Rasa -> bench/results.md (not in `make test`; ARGS="--fresh")
	$(BIN)/python -m bench $(ARGS)

clean:  ## remove trained models and results
	rm -rf models results

.PHONY: help install lock train run shell validate test-stories test report check-services crossval bench clean

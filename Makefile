# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check lint bench newsdev screenshot screenshots imports-graph clean bundle install uninstall

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dateline run

lint: $(STAMP)
	$(BIN)/ruff check desktop tests benchmarks
	$(BIN)/ruff format --check desktop tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The quick set for the edit loop: everything but the tests marked slow (CI runs `make test`).
check: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

bench: $(STAMP)
	$(BIN)/python benchmarks/tempeval.py
	$(BIN)/python benchmarks/extract_speed.py

# The proposed timeline on the annotated dev news, scored by the shared scorer, with its reliability table.
newsdev: $(STAMP)
	$(BIN)/python benchmarks/newsdev.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python resources/screenshots/make_screenshots.py

# The drawing of who imports whom (resources/architecture/imports.svg), from the real imports; it
# needs Graphviz's dot (apt-get install graphviz). A test fails when the drawing is stale.
imports-graph: $(STAMP)
	$(BIN)/python resources/architecture/imports.py

# ---- the desktop bundle and a per-user install (Linux) ----
APP_ID := org.dateline.Dateline
BUNDLE_DIR ?= dist/Dateline
PREFIX ?= $(HOME)/.local
SHARE := $(PREFIX)/share
ICON_SIZES := 16 24 32 48 64 128 256 512

bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/dateline.spec
	@echo "built $(BUNDLE_DIR) ($$(du -sh $(BUNDLE_DIR) | cut -f1))"

$(BUNDLE_DIR)/dateline-gui:
	$(MAKE) bundle

# The bundle goes to $(PREFIX)/lib/dateline, its programs are linked into $(PREFIX)/bin, and the
# desktop entry (pointing at the installed program), icons and metainfo go where desktops look.
install: $(BUNDLE_DIR)/dateline-gui
	rm -rf $(PREFIX)/lib/dateline
	mkdir -p $(PREFIX)/lib $(PREFIX)/bin $(SHARE)/applications $(SHARE)/metainfo
	cp -a $(BUNDLE_DIR) $(PREFIX)/lib/dateline
	ln -sf $(PREFIX)/lib/dateline/dateline $(PREFIX)/bin/dateline
	ln -sf $(PREFIX)/lib/dateline/dateline-gui $(PREFIX)/bin/dateline-gui
	sed -e 's|^Exec=.*|Exec=$(PREFIX)/bin/dateline-gui|' -e 's|^TryExec=.*|TryExec=$(PREFIX)/bin/dateline-gui|' \
		resources/desktop/$(APP_ID).desktop > $(SHARE)/applications/$(APP_ID).desktop
	install -m 644 resources/desktop/$(APP_ID).metainfo.xml $(SHARE)/metainfo/
	for s in $(ICON_SIZES); do \
		install -D -m 644 resources/desktop/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png \
			$(SHARE)/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png; done
	install -D -m 644 desktop/dateline/resources/dateline.svg $(SHARE)/icons/hicolor/scalable/apps/$(APP_ID).svg
	-update-desktop-database -q $(SHARE)/applications 2>/dev/null
	-gtk-update-icon-cache -q -t $(SHARE)/icons/hicolor 2>/dev/null
	@echo "installed Dateline under $(PREFIX)"

uninstall:
	rm -rf $(PREFIX)/lib/dateline
	rm -f $(PREFIX)/bin/dateline $(PREFIX)/bin/dateline-gui
	rm -f $(SHARE)/applications/$(APP_ID).desktop $(SHARE)/metainfo/$(APP_ID).metainfo.xml
	for s in $(ICON_SIZES) scalable; do rm -f $(SHARE)/icons/hicolor/$$s*/apps/$(APP_ID).*; done
	-update-desktop-database -q $(SHARE)/applications 2>/dev/null
	@echo "removed Dateline from $(PREFIX)"

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info

'use strict';

// A pa11y runner for what pa11y's own "WCAG2AA" runs miss.
//
// pa11y's axe runner only asks axe for the WCAG 2.0/2.1 tags and HTML_CodeSniffer only knows
// WCAG 2.1, so nothing there tests WCAG 2.2. This runner adds:
//   (a) axe's rules tagged wcag22a / wcag22aa (today: target-size), reported as "wcag22-<rule>";
//   (b) small in-page checks of our own, reported as "app-<check>".
//
// pa11y turns `run` into a string and evaluates it inside the page (see pa11y/lib/pa11y.js,
// loadRunnerScript), so `run` must be self-contained: every helper lives inside it.
// Only `scripts` and `supports` are evaluated in Node.

const path = require('path');

const {packageDirectory} = require('./package-path');

const run = async options => {
	const issues = [];

	// One issue in pa11y's runner format; pa11y turns `element` into a selector and context.
	const report = (element, code, message) => {
		issues.push({element: element || null, code, type: 'error', message});
	};

	const sleep = milliseconds => new Promise(resolve => {
		setTimeout(resolve, milliseconds);
	});

	// ---- (a) axe's WCAG 2.2 rules -------------------------------------------------------------

	// pa11y starts every runner at once, and axe refuses a second axe.run() while one is going
	// ("Axe is already running"). Yield once so the axe runner has started, then wait for it.
	const waitForIdleAxe = async axe => {
		await sleep(0);
		while (axe._running) {
			await sleep(25);
		}
	};

	const runAxeWcag22 = async () => {
		const axe = window.axe;
		if (!axe) {
			report(null, 'app-runner-axe-missing', 'axe-core was not loaded, so the WCAG 2.2 axe rules did not run.');
			return;
		}
		await waitForIdleAxe(axe);
		const results = await axe.run(options.rootElement || window.document, {
			runOnly: {type: 'tag', values: ['wcag22a', 'wcag22aa']},
			resultTypes: ['violations', 'incomplete']
		});
		const elementFor = target => {
			// Targets inside iframes or shadow roots are nested arrays that querySelector cannot take.
			try {
				return target ? window.document.querySelector(target.join(' ')) : null;
			} catch {
				return null;
			}
		};
		const add = (result, type, prefix) => {
			for (const node of (result.nodes.length ? result.nodes : [{target: null}])) {
				issues.push({
					element: elementFor(node.target),
					code: `wcag22-${result.id}`,
					type,
					message: `${prefix}${result.help} (${result.helpUrl})`
				});
			}
		};
		// Violations fail the gate. "Incomplete" means axe could not decide (for target-size,
		// usually overlapping elements); a gate must not fail on a guess, so those are warnings,
		// which pa11y drops unless includeWarnings is on.
		results.violations.forEach(result => add(result, 'error', ''));
		results.incomplete.forEach(result => add(result, 'warning', 'Needs manual review: '));
	};

	// ---- (b) our own checks ---------------------------------------------------------------------

	// Rendered = not display:none (itself or an ancestor, including closed <details>) and not
	// visibility:hidden. Opacity and clipping are allowed: skip links hide that way until focused.
	const isRendered = element => element.checkVisibility({visibilityProperty: true});

	// Exposed to assistive technology: rendered and not under aria-hidden="true".
	const isExposed = element => isRendered(element) && !element.closest('[aria-hidden="true"]');

	const FOCUSABLE = [
		'a[href]', 'area[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea',
		'summary', 'iframe', '[tabindex]', '[contenteditable]:not([contenteditable="false"])'
	].join(',');

	// In the tab sequence: Material keeps toggle checkboxes (#__drawer, #__search, #__toc) in the
	// page with display:none; those can never take focus, so they must not be checked.
	const isTabbable = element => (
		element.tabIndex >= 0 &&
		!element.disabled &&
		!element.closest('[inert]') &&
		isRendered(element)
	);

	// Tab stops at one radio per group: the checked one, or the first when none is checked.
	// (Material's palette toggle is a radio group whose other radios Tab never reaches.)
	const isRadioTabStop = element => {
		if (element.type !== 'radio' || !element.name || element.tagName !== 'INPUT') {
			return true;
		}
		const group = [...(element.form || window.document).querySelectorAll('input[type="radio"]')]
			.filter(radio => radio.name === element.name && radio.form === element.form && isTabbable(radio));
		const checked = group.find(radio => radio.checked);
		return element === (checked || group[0]);
	};

	// Tab order: positive tabindex values first (ascending), then document order.
	const tabbableElements = () => {
		const all = [...window.document.querySelectorAll(FOCUSABLE)]
			.filter(element => isTabbable(element) && isRadioTabStop(element));
		const positive = all.filter(element => element.tabIndex > 0)
			.sort((first, second) => first.tabIndex - second.tabIndex);
		return [...positive, ...all.filter(element => element.tabIndex === 0)];
	};

	// WCAG 3.1.1: screen readers pick their voice from <html lang>.
	const checkHtmlLang = () => {
		const root = window.document.documentElement;
		if (!(root.getAttribute('lang') || '').trim()) {
			report(root, 'app-html-lang', 'The <html> element has no lang attribute: add lang="en" so screen readers use the right language (WCAG 3.1.1).');
		}
	};

	// WCAG 2.4.1: keyboard users need a way past the header and navigation repeated on every page.
	// We require the first thing Tab reaches to be a same-page link whose target exists.
	const checkSkipLink = tabbables => {
		const first = tabbables[0];
		if (!first) {
			return; // Nothing focusable, nothing to skip.
		}
		const href = first.tagName === 'A' ? (first.getAttribute('href') || '') : '';
		if (!href.startsWith('#') || href.length < 2) {
			report(first, 'app-skip-link-missing', 'The first focusable element is not a skip link: make the first element Tab reaches a link such as <a href="#main">Skip to content</a> (WCAG 2.4.1).');
			return;
		}
		let id = href.slice(1);
		try {
			id = decodeURIComponent(id);
		} catch {
			// Keep the raw fragment when it is not valid percent-encoding.
		}
		const target = window.document.getElementById(id) || window.document.getElementsByName(id)[0];
		if (!target) {
			report(first, 'app-skip-link-target', `The skip link points to "${href}", but nothing on the page has that id: point it at the main content (WCAG 2.4.1).`);
		}
	};

	const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role="heading"]';

	// The level a screen reader announces for a heading, or 0 when it is not a heading.
	const headingLevel = element => {
		const role = element.getAttribute('role');
		if (role && role !== 'heading') {
			return 0;
		}
		const ariaLevel = parseInt(element.getAttribute('aria-level'), 10);
		if (ariaLevel > 0) {
			return ariaLevel;
		}
		const match = /^H([1-6])$/.exec(element.tagName);
		return match ? Number(match[1]) : 2; // role="heading" without aria-level means level 2.
	};

	const exposedHeadings = () => [...window.document.querySelectorAll(HEADINGS)]
		.filter(element => headingLevel(element) > 0 && isExposed(element));

	// One h1, the page title: screen reader users jump to it to start reading, and a page with
	// none or several has no clear title in the heading outline (WCAG 1.3.1, 2.4.6).
	const checkSingleH1 = headings => {
		const h1s = headings.filter(element => headingLevel(element) === 1);
		if (h1s.length === 0) {
			report(window.document.body, 'app-h1-count', 'The page has no h1: give it exactly one h1, the page title (WCAG 1.3.1, 2.4.6).');
		} else if (h1s.length > 1) {
			report(h1s[1], 'app-h1-count', `The page has ${h1s.length} h1 headings: keep exactly one h1, the page title, and make the others h2 or lower (WCAG 1.3.1).`);
		}
	};

	// Skipped levels (an h2 followed by an h4) break the outline screen reader users navigate by,
	// and axe's heading-order is only "moderate", which pa11y drops as a warning (WCAG 1.3.1).
	const checkHeadingOrder = headings => {
		const main = window.document.querySelector('main, [role="main"]') || window.document.body;
		let previous = 0;
		for (const heading of headings) {
			const level = headingLevel(heading);
			const inMain = main.contains(heading);
			if (inMain && previous > 0 && level > previous + 1) {
				report(heading, 'app-heading-skip', `Heading level skipped: an h${level} follows an h${previous}. Use h${previous + 1} here, or restructure the headings (WCAG 1.3.1).`);
			}
			previous = level; // Headings before <main> (a header h1) set the starting level.
		}
	};

	// A data table with no header cells reads as a stream of unrelated values: a screen reader
	// cannot say which row and column a cell belongs to. Neither axe nor HTML_CodeSniffer reports a
	// table that has no th at all (WCAG 1.3.1). A layout table says so with role="presentation".
	const checkTableHeaders = () => {
		for (const table of window.document.querySelectorAll('table')) {
			const role = (table.getAttribute('role') || '').trim();
			if (role === 'presentation' || role === 'none' || !isExposed(table)) {
				continue;
			}
			const rows = [...table.rows];
			const widest = Math.max(0, ...rows.map(row => row.cells.length));
			const hasHeaders = table.querySelector('th, [role="columnheader"], [role="rowheader"]');
			if (rows.length > 1 && widest > 1 && !hasHeaders) {
				report(table, 'app-table-headers', 'This table has no header cells: mark its header row or column with <th> (and scope), or give a layout table role="presentation" (WCAG 1.3.1).');
			}
		}
	};

	// What a sighted keyboard user can see change on focus. Outline and border widths only count
	// when their style draws something; the box catches skip links that move into view.
	const appearance = element => {
		const parts = [];
		for (const pseudo of [null, '::before', '::after']) {
			const style = window.getComputedStyle(element, pseudo);
			parts.push(
				style.outlineStyle === 'none' ? 'outline:none' :
					`outline:${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}`,
				`shadow:${style.boxShadow}`,
				...['Top', 'Right', 'Bottom', 'Left'].map(side => (style[`border${side}Style`] === 'none' ? 'none' :
					`${style[`border${side}Style`]} ${style[`border${side}Width`]} ${style[`border${side}Color`]}`)),
				`background:${style.backgroundColor} ${style.backgroundImage}`,
				`color:${style.color}`,
				`decoration:${style.textDecorationLine} ${style.textDecorationStyle} ${style.textDecorationColor} ${style.textDecorationThickness}`,
				`opacity:${style.opacity} transform:${style.transform} filter:${style.filter} content:${style.content}`
			);
		}
		const box = element.getBoundingClientRect();
		parts.push(`box:${box.x},${box.y},${box.width},${box.height}`);
		return parts.join(';');
	};

	// A control's labels, plus a label right after it: the "input:focus + label" pattern of
	// custom controls styles the next label, which need not be one of its own.
	const labelsOf = element => {
		const labels = [...(element.labels || [])];
		const next = element.nextElementSibling;
		if (next && next.tagName === 'LABEL' && !labels.includes(next)) {
			labels.push(next);
		}
		return labels;
	};

	// Focus may be shown on the element, its label (Material's palette and tab radios are
	// invisible and style their label), the label's container (the tab bar) or the element's
	// parent (:focus-within): compare all of them.
	const focusScope = element => [
		element, element.parentElement,
		...labelsOf(element).flatMap(label => [label, label.parentElement])
	].filter(Boolean);

	// Text fields show a blinking caret when focused, and sites often react to their focus with
	// scripts we deliberately keep out of the way (Material opens its search panel): checking
	// them here would only produce false alarms. README lists them for manual checking.
	const NON_TEXT_INPUTS = ['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit'];
	const isTextEntry = element => element.isContentEditable || element.tagName === 'TEXTAREA' ||
		(element.tagName === 'INPUT' && !NON_TEXT_INPUTS.includes(element.type));

	// Tab moves into an iframe's own document; what it shows there is that document's business.
	const isFrame = element => element.tagName === 'IFRAME';

	const hasBox = element => {
		const box = element.getBoundingClientRect();
		return box.width > 0 && box.height > 0;
	};

	// Material (and other sites) load the focus-visible polyfill, which marks keyboard focus with
	// a "focus-visible" class from its focus listener, and hide outlines without that class. We
	// keep page listeners from seeing our focus events, so we add the class as it would on a
	// keyboard focus; otherwise every such control would look like it had no focus style.
	const usesFocusVisiblePolyfill = () => window.document.documentElement.hasAttribute('data-js-focus-visible');

	const markKeyboardFocus = element => {
		if (element.classList.contains('focus-visible')) {
			return () => {};
		}
		element.classList.add('focus-visible');
		element.setAttribute('data-focus-visible-added', '');
		return () => {
			element.classList.remove('focus-visible');
			element.removeAttribute('data-focus-visible-added');
		};
	};

	// WCAG 2.4.7: every control must show where keyboard focus is. We focus each visible control
	// in turn and report those whose appearance does not change at all. Runs synchronously, so
	// the other runners never see a focused element.
	const checkFocusVisible = tabbables => {
		if (!window.document.hasFocus()) {
			// A background tab never matches :focus, so every control would look unfocused.
			report(null, 'app-focus-check-unavailable', 'Focus indicators could not be checked because the page did not have focus: each page needs its own browser window or context (pa11y-ci useIncognitoBrowserContext).');
			return;
		}
		const doc = window.document;
		// Transitions would make the computed style still show the unfocused value.
		const noTransitions = doc.createElement('style');
		noTransitions.textContent = '*, *::before, *::after { transition: none !important; }';
		// Keep page scripts from reacting to our focus events (Material opens search on focus).
		const swallow = event => event.stopImmediatePropagation();
		const focusEvents = ['focus', 'blur', 'focusin', 'focusout'];
		const previouslyFocused = doc.activeElement;
		const scroll = [window.scrollX, window.scrollY];
		const polyfill = usesFocusVisiblePolyfill();
		doc.head.appendChild(noTransitions);
		focusEvents.forEach(name => window.addEventListener(name, swallow, true));
		try {
			// Visible means the element or one of its labels has a box on the page.
			const shown = element => hasBox(element) || labelsOf(element).some(hasBox);
			const checked = tabbables.filter(element => shown(element) && !isTextEntry(element) && !isFrame(element));
			for (const element of checked) {
				const scope = focusScope(element);
				const before = scope.map(appearance).join('|');
				element.focus({preventScroll: true});
				if (doc.activeElement !== element) {
					continue; // Could not take focus after all (for example an inert dialog).
				}
				const unmark = polyfill ? markKeyboardFocus(element) : () => {};
				const after = scope.map(appearance).join('|');
				unmark();
				element.blur();
				if (before === after) {
					report(element, 'app-focus-not-visible', 'Nothing changes when this element has keyboard focus: give it a visible focus style, such as an outline (WCAG 2.4.7).');
				}
			}
		} finally {
			if (doc.activeElement && doc.activeElement !== doc.body) {
				doc.activeElement.blur();
			}
			if (previouslyFocused && previouslyFocused !== doc.body && previouslyFocused.focus) {
				previouslyFocused.focus({preventScroll: true});
			}
			focusEvents.forEach(name => window.removeEventListener(name, swallow, true));
			noTransitions.remove();
			window.scrollTo(scroll[0], scroll[1]);
		}
	};

	await runAxeWcag22();

	checkHtmlLang();
	const headings = exposedHeadings();
	checkSingleH1(headings);
	checkHeadingOrder(headings);
	checkTableHeaders();
	const tabbables = tabbableElements();
	checkSkipLink(tabbables);
	checkFocusVisible(tabbables);

	return issues;
};

module.exports = {
	run,
	scripts: [path.join(packageDirectory('axe-core', 'wcag22'), 'axe.min.js')],
	supports: '^9.0.0 || ^9.0.0-alpha || ^9.0.0-beta'
};

'use strict';

// A pa11y runner for IBM's Equal Access engine (npm accessibility-checker-engine: the engine alone,
// not the accessibility-checker wrapper, which pulls a telemetry package and downloads a driver).
//
// It runs the engine's "WCAG_2_2" ruleset (WCAG 2.2 A and AA) in the same page load as axe,
// HTML_CodeSniffer and runners/wcag22.js: pa11y injects every runner into one page and runs them
// there. The engine finds what the other two miss (labels pointing at hidden controls, unnamed or
// duplicate landmarks, unnamed SVGs), and has rules for WCAG 2.2's 2.4.11, 2.5.7 and 2.5.8.
//
// Every result is reported as type "error" with runnerExtras.level, because pa11y drops warnings and
// notices before the gate sees them:
//   level "violation"      the engine's VIOLATION + FAIL: fails the gate;
//   level "needs-review"   VIOLATION + POTENTIAL or MANUAL: the engine could not decide; listed in
//                          the report for a person to check, never failing the gate;
//   level "recommendation" RECOMMENDATION + FAIL, POTENTIAL or MANUAL: listed, never failing.
// The gate (accessibility/gate/results.py) sorts them by that level.
//
// pa11y turns `run` into a string and evaluates it inside the page, so it must be self-contained.

const path = require('path');

const {packageDirectory} = require('./package-path');

const run = async () => {
	const issues = [];
	const ace = window.ace;
	if (!ace || !ace.Checker) {
		return [{element: null, code: 'app-runner-equal-access-missing', type: 'error',
			message: 'IBM Equal Access (accessibility-checker-engine) was not loaded, so its WCAG 2.2 rules did not run.',
			runnerExtras: {level: 'violation'}}];
	}
	const checker = new ace.Checker();
	// The print pages (mkdocs-print-site's #print-site-page, and the strand print pages made from it)
	// join every resource page into one. Two of the engine's rules cost minutes there (text contrast,
	// and focus not obscured: about 30 s and 15 s of the 55 s the engine took on the 450 KB print page,
	// against under a second on any other page), while every element on them is also on its own page,
	// with the same styles, where these rules run. They are left out on the print pages only.
	if (window.document.getElementById('print-site-page') && checker.rulesetRules && checker.rulesetRules.WCAG_2_2) {
		const slow = ['text_contrast_sufficient', 'element_tabbable_unobscured'];
		checker.rulesetRules.WCAG_2_2 = checker.rulesetRules.WCAG_2_2.filter(rule => !slow.includes(rule));
	}
	const report = await checker.check(window.document, ['WCAG_2_2']);

	// The engine names elements by XPath; pa11y needs the element to work out a CSS selector.
	// Walked by hand: document.evaluate cannot match "svg[1]" in an HTML document, because SVG
	// elements are in another namespace. A step is "name[n]", the n-th child of that name.
	const elementAt = xpath => {
		let node = window.document;
		for (const step of (xpath || '').split('/').filter(Boolean)) {
			const match = /^([^[\]]+)\[(\d+)\]$/.exec(step);
			if (!match || !node) {
				return null;
			}
			const name = match[1].toLowerCase();
			node = [...node.children].filter(child => child.localName.toLowerCase() === name)[Number(match[2]) - 1];
		}
		return node && node.nodeType === 1 ? node : null;
	};
	const helpUrl = result => {
		try {
			return checker.engine.getHelp(result.ruleId, result.reasonId);
		} catch {
			return `https://able.ibm.com/rules/archives/latest/doc/en-US/${result.ruleId}.html`;
		}
	};
	const levelOf = ([policy, outcome]) => {
		if (outcome === 'PASS') {
			return null;
		}
		if (policy === 'VIOLATION') {
			return outcome === 'FAIL' ? 'violation' : 'needs-review';
		}
		return policy === 'RECOMMENDATION' ? 'recommendation' : null; // INFORMATION is not reported.
	};
	for (const result of report.results) {
		const level = levelOf(result.value);
		if (!level) {
			continue;
		}
		const prefix = level === 'needs-review' ? 'Needs review, IBM could not decide: ' :
			(level === 'recommendation' ? 'Recommendation: ' : '');
		issues.push({
			element: elementAt(result.path && result.path.dom),
			code: result.ruleId,
			type: 'error',
			message: `${prefix}${result.message} (${helpUrl(result)})`,
			runnerExtras: {level, reason: result.reasonId, xpath: result.path && result.path.dom}
		});
	}
	return issues;
};

module.exports = {
	run,
	scripts: [path.join(packageDirectory('accessibility-checker-engine', 'equal-access'), 'ace.js')],
	supports: '^9.0.0 || ^9.0.0-alpha || ^9.0.0-beta'
};

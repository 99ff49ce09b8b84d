'use strict';

// Remove the rules of Material's stylesheets that no built page can use, with PurgeCSS.
//
//   node overrides/.build/purge-css.js SITE [NODE_MODULES]
//
// Material's main stylesheet styles every feature it has (about 22 KB gzipped); a page here uses a
// fraction. This keeps every rule whose selector can match something on any built page, or something
// Material's script or ours adds later:
//   - from the HTML: tag names, ids, classes, attribute names and values (not the text: words like
//     "note" or "warning" in a sentence must not keep the rules for admonitions of that name), and the
//     words of inline scripts;
//   - from Material's bundle: every md-… class and data-…/aria-… attribute it writes, and, as tag names
//     only, every lowercase word (it builds elements such as <details>, and its search worker marks
//     matches with <mark>);
//   - from the other scripts the pages load (ours, the search shim, print-site's): every word;
//   - SAFELIST: classes added by script under names the extractors cannot see.
// Unused custom properties, keyframes and font faces go too. Only Material's files are purged:
// app.css is ours, small, and styles tools whose scripts may add classes at any time.
// The rewritten files replace Material's in SITE; their source maps, which would no longer match,
// are removed.

const fs = require('fs');
const path = require('path');

const [site, nodeModules] = process.argv.slice(2);
if (!site) {
	console.error('usage: purge-css.js SITE [NODE_MODULES]');
	process.exit(2);
}
const {PurgeCSS} = require(require.resolve('purgecss', {paths: [nodeModules || path.join(__dirname, 'node_modules')]}));

// Class names that Material's script adds without spelling them in a way the extractor below finds.
const SAFELIST = ['focus-visible', 'js', 'no-js'];

const walk = (folder, test) => fs.readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
	const full = path.join(folder, entry.name);
	return entry.isDirectory() ? walk(full, test) : (test(full) ? [full] : []);
});

const words = text => [...new Set(text.match(/[A-Za-z0-9_-]+/g) || [])];

const fromHtml = content => {
	const tags = new Set();
	const ids = new Set();
	const classes = new Set();
	const names = new Set();
	const values = new Set();
	const undetermined = new Set();
	for (const tag of content.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
		tags.add(tag[1].toLowerCase());
		for (const attribute of tag[2].matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
			const name = attribute[1].toLowerCase();
			const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
			names.add(name);
			values.add(value);
			for (const part of value.split(/\s+/).filter(Boolean)) {
				values.add(part);
				if (name === 'class') {
					classes.add(part);
				}
			}
			if (name === 'id') {
				ids.add(value);
			}
		}
	}
	for (const script of content.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
		words(script[1]).forEach(word => undetermined.add(word));
	}
	return {
		attributes: {names: [...names], values: [...values]},
		classes: [...classes], ids: [...ids], tags: [...tags], undetermined: [...undetermined]
	};
};

const fromMaterialBundle = content => ({
	attributes: {names: [], values: []}, classes: [], ids: [],
	tags: [...new Set(content.match(/\b[a-z][a-z0-9]*\b/g) || [])],
	undetermined: [...new Set(content.match(/(?:md|data|aria)-[a-z0-9_-]+/g) || [])]
});

const main = async () => {
	const styles = path.join(site, 'assets', 'stylesheets');
	const css = fs.readdirSync(styles).filter(name => /^(main|palette)\.[0-9a-f]+\.min\.css$/.test(name))
		.map(name => path.join(styles, name));
	if (css.length === 0) {
		throw new Error(`no Material stylesheets (main.*.min.css, palette.*.min.css) in ${styles}`);
	}
	const pages = walk(site, file => file.endsWith('.html'));
	const scripts = walk(site, file => file.endsWith('.js') && !/[\\/](lunr|search)[\\/]/.test(file));
	const bundles = scripts.filter(file => /(bundle|search)\.[0-9a-f]+\.min\.js$/.test(file));
	const others = scripts.filter(file => !bundles.includes(file));
	const content = [
		...pages.map(file => ({raw: fs.readFileSync(file, 'utf8'), extension: 'html'})),
		...bundles.map(file => ({raw: fs.readFileSync(file, 'utf8'), extension: 'material'})),
		...others.map(file => ({raw: fs.readFileSync(file, 'utf8'), extension: 'script'}))
	];
	const results = await new PurgeCSS().purge({
		content,
		css,
		extractors: [
			{extractor: fromHtml, extensions: ['html']},
			{extractor: fromMaterialBundle, extensions: ['material']},
			{extractor: words, extensions: ['script']}
		],
		safelist: {standard: SAFELIST},
		variables: true,
		keyframes: true,
		fontFace: true
	});
	for (const result of results) {
		const before = fs.statSync(result.file).size;
		const purged = result.css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
		fs.writeFileSync(result.file, purged);
		fs.rmSync(`${result.file}.map`, {force: true});
		console.log(`purge-css: ${path.relative(site, result.file)}: ${before} -> ${purged.length} bytes`);
	}
};

main().catch(error => {
	console.error(`purge-css: error: ${error.message}`);
	process.exit(1);
});

'use strict';
// Where a package of the gate's is installed, for the runners in this folder. They live outside
// node_modules, so a plain require.resolve would not find the gate's packages: look next to pa11y-ci
// (the main module), on NODE_PATH, then here.
const path = require('path');

function packageDirectory(name, runner) {
	const searchFrom = [
		require.main && require.main.path,
		...(process.env.NODE_PATH || '').split(path.delimiter),
		__dirname,
		process.cwd()
	].filter(Boolean);
	try {
		return path.dirname(require.resolve(`${name}/package.json`, {paths: searchFrom}));
	} catch (error) {
		throw new Error(`${runner} runner: ${name} not found from ${searchFrom.join(', ')}; set NODE_PATH to the gate's node_modules (${error.message})`);
	}
}

module.exports = {packageDirectory};

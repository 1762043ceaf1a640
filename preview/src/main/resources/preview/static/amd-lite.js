/*
 * amd-lite: the preview's small AMD loader, standing in for the one Jira pages carry (almond-like, named modules
 * only). Scripts are loaded by the page, never by the loader:
 *
 *   define('id', ['dep', ...], function (dep, ...) { return value; });   define('id', factory);   define('id', value);
 *   require(['id', ...], function (a, ...) { ... });                      require('id')  (defined modules only)
 *
 * A module's factory runs once, when something first requires it and all its dependencies are defined; a require
 * whose modules are not all defined yet waits and runs as soon as the last one is defined. The dependencies
 * 'require', 'exports' and 'module' work as in AMD. Anonymous define() is an error (logged to the console), as it is
 * on Jira: a library that calls it must be wrapped into a named module by its web resource.
 */
(function (global) {
    'use strict';

    var registry = {};   // id -> {deps, factory, state: 'defined' | 'running' | 'done', exports}
    var pending = [];    // requires waiting for modules: {deps, callback}

    function log(message) {
        if (global.console && global.console.error) {
            global.console.error('amd-lite: ' + message);
        }
    }

    function isArray(value) {
        return Object.prototype.toString.call(value) === '[object Array]';
    }

    /** Rethrows outside the loader so one failing module does not stop the others; the browser reports it. */
    function report(error) {
        global.setTimeout(function () {
            throw error;
        }, 0);
    }

    /** The ids a module needs, transitively, that are not defined yet (the special ids never are). */
    function missing(ids, seen) {
        var out = [];
        for (var i = 0; i < ids.length; i++) {
            var id = ids[i];
            if (id === 'require' || id === 'exports' || id === 'module' || seen[id]) {
                continue;
            }
            seen[id] = true;
            if (!registry.hasOwnProperty(id)) {
                out.push(id);
            } else {
                out = out.concat(missing(registry[id].deps, seen));
            }
        }
        return out;
    }

    function instantiate(id) {
        var module = registry[id];
        if (module.state === 'done') {
            return module.exports;
        }
        if (module.state === 'running') {
            throw new Error('amd-lite: circular dependency through "' + id + '"');
        }
        module.state = 'running';
        var record = {id: id, exports: {}};
        var args = [];
        for (var i = 0; i < module.deps.length; i++) {
            var dep = module.deps[i];
            args.push(dep === 'require' ? requireModule : dep === 'exports' ? record.exports
                : dep === 'module' ? record : instantiate(dep));
        }
        var result;
        try {
            result = typeof module.factory === 'function' ? module.factory.apply(global, args) : module.factory;
        } catch (error) {
            module.state = 'defined';
            throw error;
        }
        module.exports = result !== undefined ? result : record.exports;
        module.state = 'done';
        return module.exports;
    }

    function run(deps, callback) {
        var values = [];
        for (var i = 0; i < deps.length; i++) {
            values.push(deps[i] === 'require' ? requireModule : instantiate(deps[i]));
        }
        if (typeof callback === 'function') {
            callback.apply(global, values);
        }
    }

    function flush() {
        var waiting = pending;
        pending = [];
        for (var i = 0; i < waiting.length; i++) {
            if (missing(waiting[i].deps, {}).length > 0) {
                pending.push(waiting[i]);
                continue;
            }
            try {
                run(waiting[i].deps, waiting[i].callback);
            } catch (error) {
                report(error);
            }
        }
    }

    function define(id, deps, factory) {
        if (typeof id !== 'string') {
            log('anonymous define() is not supported: name the module, e.g. define(\'my/module\', [...], factory)');
            return;
        }
        if (factory === undefined) {
            factory = deps;
            deps = typeof factory === 'function' && factory.length > 0 ? ['require', 'exports', 'module'] : [];
        }
        if (!isArray(deps)) {
            log('define("' + id + '"): the dependencies must be an array');
            return;
        }
        if (registry.hasOwnProperty(id)) {
            log('module "' + id + '" is already defined; the second definition is ignored');
            return;
        }
        registry[id] = {deps: deps, factory: factory, state: 'defined', exports: undefined};
        flush();
    }

    define.amd = {};

    function requireModule(deps, callback) {
        if (typeof deps === 'string') {
            if (!registry.hasOwnProperty(deps) || missing([deps], {}).length > 0) {
                throw new Error('amd-lite: module "' + deps + '" is not defined yet; use require([\'' + deps + '\'], callback)');
            }
            return instantiate(deps);
        }
        if (!isArray(deps)) {
            log('require() takes an array of module ids and a callback');
            return undefined;
        }
        pending.push({deps: deps, callback: callback});
        flush();
        return undefined;
    }

    /** The undefined ids that the given ids need (or, without an argument, that pending requires wait for). */
    requireModule.waitingFor = function (of) {
        var ids = [];
        if (isArray(of)) {
            ids = missing(of, {});
        }
        for (var i = 0; !isArray(of) && i < pending.length; i++) {
            ids = ids.concat(missing(pending[i].deps, {}));
        }
        return ids.filter(function (id, index) {
            return ids.indexOf(id) === index;
        });
    };

    global.define = define;
    global.require = requireModule;
    global.requirejs = requireModule;
}(window));

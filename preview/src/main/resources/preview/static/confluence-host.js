/*
 * The preview's Confluence page host: the part of Confluence's AJS the Confluence plugin's page scripts use, for the
 * preview's Confluence pages. Needs jQuery loaded before it.
 *
 * - AJS.$, AJS.contextPath() (from the page's ajs-context-path meta tag), AJS.Meta.get(name) (the page's
 *   <meta name="ajs-NAME"> tags, as Confluence renders them), AJS.toInit(fn) (after the DOM is ready),
 *   AJS.format and AJS.I18n.getText for keys the jsI18n transformer did not replace (it replaces literal keys).
 */
(function (global, $) {
    'use strict';

    function meta(name) {
        var tag = document.querySelector('meta[name="ajs-' + name + '"]');
        return tag ? tag.getAttribute('content') : undefined;
    }

    function format(pattern) {
        var args = Array.prototype.slice.call(arguments, 1);
        return String(pattern).replace(/\{(\d+)\}/g, function (match, index) {
            return args[index] !== undefined ? String(args[index]) : match;
        }).replace(/''/g, '\'');
    }

    var AJS = global.AJS = global.AJS || {};
    AJS.$ = $;
    AJS.contextPath = function () {
        return meta('context-path') || '';
    };
    AJS.Meta = {get: meta};
    AJS.format = format;
    AJS.I18n = AJS.I18n || {
        getText: function () {
            return format.apply(null, arguments);
        }
    };
    AJS.toInit = function (fn) {
        $(function () {
            fn($);
        });
    };
}(window, window.jQuery));

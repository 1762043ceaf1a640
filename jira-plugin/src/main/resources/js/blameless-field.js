/*
 * Fail Forward - the blameless check on the free-text fields where a failure is told, on Jira's create, edit and
 * transition screens (dialogs included): the incident's impact, 5 whys, contributing factors, learnings and next steps,
 * and an experiment's decision rationale. Asks /rest/failforward/1.0/fields once for this instance's field ids, then
 * attaches FailForward.blameless (blameless-check.js) to each of those fields whenever it appears on the page.
 */
(function (global) {
    'use strict';

    var FIELDS = ['impact', 'fiveWhys', 'contributingFactors', 'learnings', 'nextSteps', 'decisionRationale'];
    var contextPath = global.AJS && typeof global.AJS.contextPath === 'function' ? global.AJS.contextPath() : '';
    var selector = null;

    function attachAll(root) {
        if (!selector || !global.FailForward || !global.FailForward.blameless) {
            return;
        }
        var fields = (root.querySelectorAll ? root : document).querySelectorAll(selector);
        Array.prototype.forEach.call(fields, function (textarea) {
            global.FailForward.blameless.attach(textarea, {baseUrl: contextPath});
        });
    }

    fetch(contextPath + '/rest/failforward/1.0/fields', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) {
            return response.ok ? response.json() : {};
        })
        .then(function (ids) {
            var found = FIELDS.map(function (key) {
                return ids[key];
            }).filter(function (id) {
                return typeof id === 'string' && /^customfield_\d+$/.test(id);
            });
            if (!found.length) {
                return;
            }
            selector = found.map(function (id) {
                return 'textarea#' + id + ':not([data-ff-blameless])';
            }).join(', ');
            attachAll(document);
            new MutationObserver(function (mutations) {
                mutations.forEach(function (mutation) {
                    Array.prototype.forEach.call(mutation.addedNodes, function (node) {
                        if (node.nodeType === 1) {
                            attachAll(node.parentNode || node);
                        }
                    });
                });
            }).observe(document.body, {childList: true, subtree: true});
        })
        .catch(function () {
            // no live marks when the field list is unavailable
        });
}(window));

/*
 * Fail Forward - live hypothesis check on Jira's create and edit screens (dialogs included).
 * Asks /rest/failforward/1.0/fields once for this instance's hypothesis field id, then attaches the hypothesis check
 * (hypothesis-check.js) to that field whenever it appears on the page.
 */
(function (global) {
    'use strict';

    var contextPath = global.AJS && typeof global.AJS.contextPath === 'function' ? global.AJS.contextPath() : '';
    var fieldId = null;

    function attachAll(root) {
        if (!fieldId || !global.FailForward || !global.FailForward.hypothesisCheck) {
            return;
        }
        var fields = (root.querySelectorAll ? root : document).querySelectorAll('textarea#' + fieldId + ':not([data-ff-attached])');
        Array.prototype.forEach.call(fields, function (textarea) {
            textarea.setAttribute('data-ff-attached', 'true');
            var panel = document.createElement('div');
            panel.className = 'ff-hypothesis-panel';
            textarea.parentNode.insertBefore(panel, textarea.nextSibling);
            global.FailForward.hypothesisCheck.attach(textarea, panel, {baseUrl: contextPath});
        });
    }

    fetch(contextPath + '/rest/failforward/1.0/fields', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) {
            return response.ok ? response.json() : {};
        })
        .then(function (ids) {
            if (!ids.hypothesis || !/^customfield_\d+$/.test(ids.hypothesis)) {
                return;
            }
            fieldId = ids.hypothesis;
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
            // no live check when the field list is unavailable; the workflow validators still apply
        });
}(window));

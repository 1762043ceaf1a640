/*
 * Fail Forward - similar past failures on Jira's create screens (dialog included) for experiments and incidents:
 * asks /rest/failforward/1.0/fields once for this instance's field ids; a create form with the hypothesis field is an
 * experiment's, one with the discovered-at or impact field an incident's (the create screens ask only for those first
 * fields, and no other issue type has them). There it attaches FailForward.similar (similar-check.js) to the summary,
 * the description and the type's own text fields, with the form's project as the boost; an experiment also gets the
 * learnings of what it resembles ("what we already know").
 */
(function (global) {
    'use strict';

    var contextPath = global.AJS && typeof global.AJS.contextPath === 'function' ? global.AJS.contextPath() : '';
    var ids = null;

    function byId(form, id) {
        return id ? form.querySelector('#' + id) : null;
    }

    function projectOf(form) {
        var project = form.querySelector('#project');
        if (!project) {
            return null;
        }
        var option = project.options && project.selectedIndex >= 0 ? project.options[project.selectedIndex] : null;
        var key = option && option.getAttribute('data-project-key');
        return key || null;
    }

    function attachForm(form) {
        if (!ids || form.getAttribute('data-ff-similar-form')) {
            return;
        }
        var summary = form.querySelector('input#summary');
        if (!summary) {
            return;
        }
        var hypothesis = byId(form, ids.hypothesis);
        var incident = byId(form, ids.discoveredAt) || byId(form, ids.impact);
        if (!hypothesis && !incident) {
            return;
        }
        form.setAttribute('data-ff-similar-form', 'true');
        var fields = [summary, form.querySelector('textarea#description'), hypothesis, byId(form, ids.impact)]
            .filter(function (f) {
                return f;
            });
        global.FailForward.similar.attach({
            fields: fields,
            kind: hypothesis ? 'EXPERIMENT' : 'INCIDENT',
            project: function () {
                return projectOf(form);
            },
            after: (summary.closest && summary.closest('.field-group')) || summary,
            baseUrl: contextPath,
            learnings: !!hypothesis
        });
    }

    function attachAll(root) {
        var forms = (root.querySelectorAll ? root : document).querySelectorAll('form');
        Array.prototype.forEach.call(forms, attachForm);
        if (root.tagName === 'FORM') {
            attachForm(root);
        }
    }

    fetch(contextPath + '/rest/failforward/1.0/fields', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) {
            return response.ok ? response.json() : null;
        })
        .then(function (found) {
            if (!found || !global.FailForward || !global.FailForward.similar) {
                return;
            }
            ids = {};
            ['hypothesis', 'discoveredAt', 'impact'].forEach(function (key) {
                if (typeof found[key] === 'string' && /^customfield_\d+$/.test(found[key])) {
                    ids[key] = found[key];
                }
            });
            attachAll(document);
            new MutationObserver(function (mutations) {
                mutations.forEach(function (mutation) {
                    Array.prototype.forEach.call(mutation.addedNodes, function (node) {
                        if (node.nodeType === 1) {
                            attachAll(node);
                        }
                    });
                });
            }).observe(document.body, {childList: true, subtree: true});
        })
        .catch(function () {
            // no similar failures when the field list is unavailable
        });
}(window));

/*
 * Fail Forward - the award's section of the admin page (templates/admin/setup.vm): the period, voting days, zone and
 * project groups (GET/PUT /rest/failforward/1.0/awards/admin/settings), and the current awards with "End nominations
 * now" / "Close voting now" (POST /awards/admin/{award}/advance). Messages come from the section's data- attributes;
 * server text only reaches the page through textContent.
 */
(function () {
    'use strict';

    function init() {
        var section = document.getElementById('ff-award-admin');
        if (!section) {
            return;
        }
        var base = section.getAttribute('data-context-path') + '/rest/failforward/1.0/awards';
        var form = document.getElementById('ff-award-settings');
        var months = document.getElementById('ff-award-months');
        var votingDays = document.getElementById('ff-award-voting-days');
        var zone = document.getElementById('ff-award-zone');
        var groups = document.getElementById('ff-award-groups');
        var result = document.getElementById('ff-award-result');
        var list = document.getElementById('ff-award-current');
        var text = function (name) {
            return section.getAttribute('data-text-' + name) || '';
        };
        var headers = {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check'};

        function say(message, failed) {
            result.textContent = message;
            result.setAttribute('data-failed', String(Boolean(failed)));
        }

        function problem(body) {
            if (body && body.errors && body.errors.length) {
                return body.errors.map(function (e) {
                    return e.message;
                }).join(' ');
            }
            return body && body.message ? body.message : text('failed');
        }

        function json(response) {
            return response.json().catch(function () {
                return null;
            });
        }

        function show(settings) {
            months.value = String(settings.months);
            votingDays.value = String(settings.votingDays);
            zone.value = settings.zoneIsDefault ? '' : settings.zone;
            zone.placeholder = settings.zone;
            groups.value = (settings.groups || []).map(function (g) {
                return g.key + ' | ' + g.name + ' | ' + g.projects.join(', ');
            }).join('\n');
            loadAwards(['instance'].concat((settings.groups || []).map(function (g) {
                return g.key;
            })));
        }

        function parseGroups() {
            return groups.value.split('\n').map(function (line) {
                return line.trim();
            }).filter(function (line) {
                return line;
            }).map(function (line) {
                var first = line.indexOf('|');
                var last = line.lastIndexOf('|');
                if (first < 0 || last <= first) {
                    return {key: line, name: '', projects: []};
                }
                return {key: line.slice(0, first).trim(), name: line.slice(first + 1, last).trim(),
                    projects: line.slice(last + 1).split(',').map(function (p) {
                        return p.trim();
                    }).filter(function (p) {
                        return p;
                    })};
            });
        }

        function loadAwards(scopes) {
            list.textContent = '';
            scopes.forEach(function (scope) {
                fetch(base + '?scope=' + encodeURIComponent(scope), {credentials: 'same-origin',
                    headers: {'Accept': 'application/json'}}).then(json).then(function (body) {
                    (body && body.awards || []).filter(function (a) {
                        return a.phase === 'nominating' || a.phase === 'voting';
                    }).forEach(function (award) {
                        var item = document.createElement('li');
                        item.setAttribute('data-award', award.id);
                        item.setAttribute('data-phase', award.phase);
                        item.appendChild(document.createTextNode(body.scope.name + ' \u00b7 ' + award.label + ' \u00b7 '
                            + text(award.phase) + ' '));
                        var button = document.createElement('button');
                        button.type = 'button';
                        button.className = 'aui-button ff-award-advance';
                        button.textContent = award.phase === 'voting' ? text('close') : text('end');
                        button.addEventListener('click', function () {
                            if (!window.confirm(text('confirm'))) {
                                return;
                            }
                            button.disabled = true;
                            fetch(base + '/admin/' + encodeURIComponent(award.id) + '/advance', {method: 'POST',
                                credentials: 'same-origin', headers: headers, body: '{}'}).then(function (response) {
                                return json(response).then(function (answer) {
                                    if (response.ok) {
                                        say(text('advanced'), false);
                                        load();
                                    } else {
                                        button.disabled = false;
                                        say(problem(answer), true);
                                    }
                                });
                            });
                        });
                        item.appendChild(button);
                        list.appendChild(item);
                    });
                });
            });
        }

        function load() {
            fetch(base + '/admin/settings', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    return json(response).then(function (body) {
                        if (response.ok && body) {
                            show(body);
                        } else {
                            say(problem(body), true);
                        }
                    });
                }, function () {
                    say(text('failed'), true);
                });
        }

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            say(text('saving'), false);
            fetch(base + '/admin/settings', {method: 'PUT', credentials: 'same-origin', headers: headers,
                body: JSON.stringify({months: Number(months.value), votingDays: Number(votingDays.value),
                    zone: zone.value.trim(), groups: parseGroups()})}).then(function (response) {
                return json(response).then(function (body) {
                    if (response.ok && body) {
                        show(body);
                        say(text('saved'), false);
                    } else {
                        say(problem(body), true);
                    }
                });
            }, function () {
                say(text('failed'), true);
            });
        });
        load();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());

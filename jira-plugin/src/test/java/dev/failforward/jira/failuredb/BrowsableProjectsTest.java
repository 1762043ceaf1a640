package dev.failforward.jira.failuredb;

import dev.failforward.jira.permissions.FakeRecordPermissions;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one narrowing of requested projects to browsable ones that the failure database, archive, KPIs and pulse use. */
class BrowsableProjectsTest {

    private final FakeRecordPermissions permissions = new FakeRecordPermissions()
            .as("u-anna", Set.of("OPS", "WEB", "APP"), Set.of());
    private final BrowsableProjects projects = new BrowsableProjects(permissions);

    @Test
    void everyBrowsableProjectSortedAndNoneWhenAnonymous() {
        assertThat(projects.all()).containsExactly("APP", "OPS", "WEB");
        permissions.as(null, Set.of(), Set.of());
        assertThat(projects.all()).isEmpty();
    }

    @Test
    void aSearchKeepsTheRequestedBrowsableKeysNormalisedAndDropsTheRestSilently() {
        Set<String> requested = new HashSet<>(List.of(" ops ", "web", "HR", "not a key", ""));
        requested.add(null);

        assertThat(projects.forSearch(requested, 10)).containsExactly("OPS", "WEB");
        assertThat(projects.forSearch(null, 10)).as("nothing requested: all").containsExactly("APP", "OPS", "WEB");
        assertThat(projects.forSearch(Set.of("HR"), 10)).as("hidden or missing: nothing, no error").isEmpty();
    }

    @Test
    void aSearchOverMoreProjectsThanOneQueryCanNameIsRefused() {
        assertThatThrownBy(() -> projects.forSearch(null, 2))
                .isInstanceOfSatisfying(FailureDbException.TooManyProjects.class,
                        e -> assertThat(e.arguments()).containsExactly(2));
        assertThat(projects.forSearch(Set.of("OPS", "WEB"), 2)).hasSize(2);
    }

    @Test
    void aSavedFiltersProjectsAreNarrowedToBrowsableOnes() {
        assertThat(projects.among(List.of("WEB", "HR", "OPS"))).containsExactly("OPS", "WEB");
    }

    @Test
    void projectsARequestIsAboutMustAllBeBrowsableAndAHiddenOneIsAnsweredLikeAMissingOne() {
        assertThat(projects.require(List.of("WEB", "OPS"))).containsExactly("OPS", "WEB");
        assertThat(projects.require("OPS")).isEqualTo("OPS");

        assertThatThrownBy(() -> projects.require(List.of("OPS", "HR")))
                .isInstanceOfSatisfying(FailureDbException.ProjectHidden.class, e -> {
                    assertThat(e.i18nKey()).isEqualTo("failforward.kpi.error.project.hidden");
                    assertThat(e.arguments()).containsExactly("HR");
                });
        assertThatThrownBy(() -> projects.require("NOPE"))
                .isInstanceOfSatisfying(FailureDbException.ProjectHidden.class,
                        e -> assertThat(e.arguments()).containsExactly("NOPE"));
        assertThatThrownBy(() -> projects.require((String) null))
                .isInstanceOfSatisfying(FailureDbException.ProjectHidden.class,
                        e -> assertThat(e.arguments()).containsExactly("null"));
    }
}

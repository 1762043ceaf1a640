package dev.failforward.jira.setup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCategoriesTest {

    @Test
    void eachStatusHasItsJiraCategoryByKeyOrName() {
        assertThat(StatusCategories.of("DRAFT")).isEqualTo("new");
        assertThat(StatusCategories.of("Reported")).isEqualTo("new");
        assertThat(StatusCategories.of("Learning review")).isEqualTo("indeterminate");
        assertThat(StatusCategories.of("RUNNING")).isEqualTo("indeterminate");
        assertThat(StatusCategories.of("Decided")).isEqualTo("done");
        assertThat(StatusCategories.of("CLOSED")).isEqualTo("done");
        assertThat(StatusCategories.of("Waiting for support")).as("not ours").isEqualTo("new");
        assertThat(StatusCategories.of(null)).isEqualTo("new");
    }
}

package com.atlassian.webresource.api.assembler;

/**
 * Stand-in for {@code com.atlassian.webresource.api.assembler.WebResourceAssembler} from
 * {@code com.atlassian.plugins:atlassian-plugins-webresource-api} (Platform 8); checked as {@link PageBuilderService}.
 */
public interface WebResourceAssembler {
    RequiredResources resources();
}

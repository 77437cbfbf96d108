/**
 * The reports as files for any CI: {@link io.jenkins.plugins.cdngate.core.publish.HtmlReport} (one self-contained
 * page), {@link io.jenkins.plugins.cdngate.core.publish.JUnitReport} (one test case per gate) and
 * {@link io.jenkins.plugins.cdngate.core.publish.MarkdownSummary} (GitHub's step summary). All three say what the
 * build log says, in the same words and numbers.
 */
package io.jenkins.plugins.cdngate.core.publish;

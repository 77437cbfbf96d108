// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ — org.jenkinsci.plugins.workflow.actions.ThreadNameAction
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.actions;

public interface ThreadNameAction extends PersistentAction {
    String getThreadName();
}

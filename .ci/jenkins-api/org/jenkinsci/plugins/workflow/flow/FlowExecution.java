// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ — org.jenkinsci.plugins.workflow.flow.FlowExecution
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.flow;

import java.util.List;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

public abstract class FlowExecution {
    public abstract List<FlowNode> getCurrentHeads();
}

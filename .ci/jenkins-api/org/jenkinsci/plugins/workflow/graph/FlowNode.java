// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ — org.jenkinsci.plugins.workflow.graph.FlowNode
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Action;
import hudson.model.Actionable;
import hudson.model.Saveable;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

public abstract class FlowNode extends Actionable implements Saveable {
    protected FlowNode(FlowExecution exec, String id, FlowNode... parents) {
    }

    public List<? extends BlockStartNode> getEnclosingBlocks() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public List<FlowNode> getParents() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public String getId() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public final <T extends Action> T getPersistentAction(Class<T> type) {
        throw new UnsupportedOperationException("signature mirror");
    }
}

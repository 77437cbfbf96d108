package io.jenkins.plugins.cdngate.jenkins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.ThreadNameAction;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** Where in a Pipeline a gate runs, in words for the build page: {@code stage 'Deploy', branch 'eu'}. */
final class GatePlace {
    private GatePlace() {
    }

    /**
     * The stages and parallel branches around the step's node, outermost first, then the step's node id (which tells
     * two gates in one stage apart), e.g. {@code stage 'Deploy', branch 'eu', step 12}.
     */
    static String of(FlowNode node) {
        if (node == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (BlockStartNode block : node.getEnclosingBlocks()) { // innermost first
            ThreadNameAction branch = block.getPersistentAction(ThreadNameAction.class);
            LabelAction label = block.getPersistentAction(LabelAction.class);
            if (branch != null) {
                parts.add("branch '" + branch.getThreadName() + "'");
            } else if (label != null && label.getDisplayName() != null) {
                parts.add("stage '" + label.getDisplayName() + "'");
            }
        }
        Collections.reverse(parts);
        parts.add("step " + node.getId());
        return String.join(", ", parts);
    }
}

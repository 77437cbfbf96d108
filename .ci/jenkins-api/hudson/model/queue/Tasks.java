// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.queue.Tasks
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model.queue;

import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

public class Tasks {
    public static Authentication getAuthenticationOf2(Task t) {
        throw new UnsupportedOperationException("signature mirror");
    }
}

// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — jenkins.model.ParameterizedJobMixIn
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package jenkins.model;

import hudson.model.BuildableItem;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

public abstract class ParameterizedJobMixIn<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task, RunT extends Run<JobT, RunT> & Queue.Executable> {
    public interface ParameterizedJob<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task, RunT extends Run<JobT, RunT> & Queue.Executable>
            extends BuildableItem {
    }
}

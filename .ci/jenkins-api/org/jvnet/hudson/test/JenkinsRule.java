// Signature mirror of org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 — org.jvnet.hudson.test.JenkinsRule
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jvnet.hudson.test;

import hudson.model.FreeStyleProject;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.tasks.Builder;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.xml.sax.SAXException;

public class JenkinsRule {
    public Jenkins jenkins;

    public JenkinsRule() {
    }

    public URL getURL() throws IOException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public FreeStyleProject createFreeStyleProject(String name) throws IOException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <B extends Builder> B configRoundtrip(B before) throws Exception {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertStatus(Result status, J job) throws Exception {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertSuccess(J job) throws Exception {
        throw new UnsupportedOperationException("signature mirror");
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs)
            throws InvocationTargetException, NoSuchMethodException, IllegalAccessException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public class WebClient extends org.htmlunit.WebClient {
        public WebClient() {
        }

        public HtmlPage goTo(String relative) throws IOException, SAXException {
            throw new UnsupportedOperationException("signature mirror");
        }

        public Page goTo(String relative, String expectedContentType) throws IOException, SAXException {
            throw new UnsupportedOperationException("signature mirror");
        }

        public WebRequest addCrumb(WebRequest req) {
            throw new UnsupportedOperationException("signature mirror");
        }
    }
}

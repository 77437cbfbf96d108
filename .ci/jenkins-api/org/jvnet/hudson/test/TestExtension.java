// Signature mirror of org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37 — org.jvnet.hudson.test.TestExtension
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jvnet.hudson.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface TestExtension {
    String[] value() default {};
}

// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.NameWith
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface NameWith {
    Class<? extends CredentialsNameProvider<? extends Credentials>> value();

    int priority() default 0;
}

package io.pusherspring.test.junit;

import java.lang.reflect.Parameter;

import io.pusherspring.test.PusherRecorder;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.beans.factory.annotation.ParameterResolutionDelegate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.context.support.TestConstructorUtils;

/**
 * Resolves {@link PusherRecorder} parameters of test methods and constructors from the
 * test's application context, leaving to the {@link SpringExtension} the parameters it
 * autowires itself. Registered by {@code @RecordPusherEvents}; internal to the test kit:
 * public only so that the annotation can name it.
 */
public final class PusherRecorderParameterResolver implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Parameter parameter = parameterContext.getParameter();
		if (parameter.getType() != PusherRecorder.class
				|| ParameterResolutionDelegate.isAutowirable(parameter, parameterContext.getIndex())) {
			return false;
		}
		return !TestConstructorUtils.isAutowirableConstructor(parameter.getDeclaringExecutable(),
				(name) -> extensionContext.getConfigurationParameter(name).orElse(null));
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return SpringExtension.getApplicationContext(extensionContext).getBean(PusherRecorder.class);
	}

}

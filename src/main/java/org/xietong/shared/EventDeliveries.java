package org.xietong.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Which event publication a listener is handling on this thread, so that its side effects
 * can carry the publication's id and a second delivery of the same publication (another
 * instance resubmitting it after a crash) changes nothing. Spring Modulith marks a
 * publication {@code PROCESSING} by its id on the listener's own thread, just before the
 * listener runs, and completed or failed just after: this watches those calls.
 */
@Component
public class EventDeliveries implements BeanPostProcessor {

	/**
	 * Named, not imported: the starter brings Spring Modulith's core at run time only.
	 */
	private static final String REPOSITORY = "org.springframework.modulith.events.core.EventPublicationRepository";

	private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

	/** The publication being delivered on this thread; empty outside a listener. */
	public Optional<UUID> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		ClassLoader loader = EventDeliveries.class.getClassLoader();
		if (!ClassUtils.isPresent(REPOSITORY, loader)) {
			return bean;
		}
		Class<?> repositoryType = ClassUtils.resolveClassName(REPOSITORY, loader);
		if (!repositoryType.isInstance(bean)) {
			return bean;
		}
		Object repository = bean;
		return Proxy.newProxyInstance(repositoryType.getClassLoader(), new Class<?>[] { repositoryType },
				(proxy, method, args) -> {
					switch (method.getName()) {
						case "markProcessing" -> CURRENT.set((UUID) args[0]);
						case "markCompleted", "markFailed" -> CURRENT.remove();
						default -> {
							// every other call passes through unchanged
						}
					}
					try {
						return method.invoke(repository, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}

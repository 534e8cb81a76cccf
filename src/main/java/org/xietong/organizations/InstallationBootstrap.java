package org.xietong.organizations;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.shared.FirstStart;

/**
 * A new installation needs one system administrator to create everyone else: made on
 * first start with the configured password, or a random one printed once to the log, to
 * be changed at the first sign-in.
 */
@Component
@Profile("!demo")
class InstallationBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InstallationBootstrap.class);

	private final UserManagement users;

	private final OrganizationManagement organizations;

	private final String configuredPassword;

	private final FirstStart firstStart;

	InstallationBootstrap(UserManagement users, OrganizationManagement organizations, FirstStart firstStart,
			@Value("${xietong.bootstrap.admin-password:}") String configuredPassword) {
		this.firstStart = firstStart;
		this.users = users;
		this.organizations = organizations;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Two instances starting on an empty database: the second waits, then finds
		// sysadmin.
		this.firstStart.once(this::createFirstAdministrator);
	}

	private void createFirstAdministrator() {
		if (this.users.anyWithRole(Role.SYSTEM_ADMIN)) {
			return;
		}
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? randomPassword() : this.configuredPassword;
		this.users.create(new NewUser("sysadmin", password, "系统管理员", Role.SYSTEM_ADMIN,
				this.organizations.departmentId(), null, null, null, true));
		if (generated) {
			log.warn("Created the first system administrator 'sysadmin' with the password {} — change it at "
					+ "the first sign-in", password);
		}
		else {
			log.info("Created the first system administrator 'sysadmin' with the configured password");
		}
	}

	private static String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("Xt-");
		for (int i = 0; i < 16; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.append("9a").toString();
	}

}

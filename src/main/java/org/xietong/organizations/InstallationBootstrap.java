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
 * A new installation needs one system administrator to create everyone else and one audit
 * administrator (only an audit administrator creates another): made on first start with
 * the configured passwords, or random ones printed once to the log, to be changed at the
 * first sign-in.
 */
@Component
@Profile("!demo")
class InstallationBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InstallationBootstrap.class);

	private final UserManagement users;

	private final OrganizationManagement organizations;

	private final String adminPassword;

	private final String auditorPassword;

	private final FirstStart firstStart;

	InstallationBootstrap(UserManagement users, OrganizationManagement organizations, FirstStart firstStart,
			@Value("${xietong.bootstrap.admin-password:}") String adminPassword,
			@Value("${xietong.bootstrap.auditor-password:}") String auditorPassword) {
		this.firstStart = firstStart;
		this.users = users;
		this.organizations = organizations;
		this.adminPassword = adminPassword;
		this.auditorPassword = auditorPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Two instances starting on an empty database: the second waits, then finds both.
		this.firstStart.once(() -> {
			install(Role.SYSTEM_ADMIN, "sysadmin", "系统管理员", this.adminPassword);
			install(Role.AUDIT_ADMIN, "auditor", "审计管理员", this.auditorPassword);
		});
	}

	private void install(Role role, String username, String displayName, String configured) {
		if (this.users.anyWithRole(role) || this.users.findByUsername(username).isPresent()) {
			return;
		}
		boolean generated = configured.isBlank();
		String password = generated ? randomPassword() : configured;
		this.users.install(new NewUser(username, password, displayName, role, this.organizations.departmentId(), null,
				null, null, true));
		if (generated) {
			log.warn("Created the first {} '{}' with the password {} — change it at the first sign-in", role, username,
					password);
		}
		else {
			log.info("Created the first {} '{}' with the configured password", role, username);
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

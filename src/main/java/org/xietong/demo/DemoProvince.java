package org.xietong.demo;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.OrganizationView;
import org.xietong.shared.CreditCode;

/**
 * A small province to click through, made once on the first start of an empty data
 * folder: the department's three accounts, three Jilin universities with their
 * administrators and teachers, two enterprises and a handful of experts.
 */
@Component
@Profile("demo")
class DemoProvince implements ApplicationRunner {

	static final String PASSWORD = "Demo@2024";

	private static final Logger log = LoggerFactory.getLogger(DemoProvince.class);

	private final UserManagement users;

	private final OrganizationManagement organizations;

	DemoProvince(UserManagement users, OrganizationManagement organizations) {
		this.users = users;
		this.organizations = organizations;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.users.findByUsername("dept").isPresent()) {
			return;
		}
		UUID department = this.organizations.departmentId();
		user("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, department);
		user("dept", "省教育厅高教处", Role.DEPARTMENT_OFFICER, department);
		user("auditor", "审计管理员", Role.AUDIT_ADMIN, department);

		List<University> universities = List.of(
				new University("吉林大学", "4122010183", "jlu", List.of("王建国", "李晓梅", "张伟")),
				new University("东北师范大学", "4122010200", "nenu", List.of("刘芳", "陈志强")),
				new University("长春理工大学", "4122010186", "cust", List.of("赵磊", "孙丽", "周明")));
		for (University university : universities) {
			OrganizationView created = this.organizations.createUniversity(university.name(), university.code());
			user(university.prefix() + "-admin", university.name() + "教务处", Role.UNIVERSITY_ADMIN, created.id());
			int n = 1;
			for (String teacher : university.teachers()) {
				user(university.prefix() + "-teacher" + n++, teacher, Role.TEACHER, created.id());
			}
			if (university.prefix().equals("jlu")) {
				user("expert-jlu", "吴教授（吉林大学）", Role.EXPERT, created.id());
			}
			if (university.prefix().equals("nenu")) {
				user("expert-nenu", "郑教授（东北师范大学）", Role.EXPERT, created.id());
			}
		}

		OrganizationView auto = this.organizations.createEnterprise("长春智行汽车科技有限公司", creditCode("91220101MA0Y3K8T5"),
				"APPROVED");
		OrganizationView cloud = this.organizations.createEnterprise("吉林云图数字技术有限公司", creditCode("91220104MA17PQ2W3"),
				"APPROVED");
		user("ent-auto", "长春智行汽车 项目联系人", Role.ENTERPRISE_CONTACT, auto.id());
		user("ent-cloud", "吉林云图数字 项目联系人", Role.ENTERPRISE_CONTACT, cloud.id());
		user("expert-auto", "钱工程师（长春智行汽车）", Role.EXPERT, auto.id());
		user("expert-cloud", "冯工程师（吉林云图数字）", Role.EXPERT, cloud.id());
		user("expert-pool", "褚研究员（省教育厅专家库）", Role.EXPERT, department);
		log.info("Created the demo province: sign in as dept, sysadmin or auditor with the password {}", PASSWORD);
	}

	private void user(String username, String displayName, Role role, UUID organization) {
		this.users.create(NewUser.of(username, PASSWORD, displayName, role, organization));
	}

	private static CreditCode creditCode(String first17) {
		return new CreditCode(first17 + CreditCode.checkCharacter(first17));
	}

	private record University(String name, String code, String prefix, List<String> teachers) {
	}

}

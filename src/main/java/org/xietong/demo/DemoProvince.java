package org.xietong.demo;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.organizations.DocumentKind;
import org.xietong.organizations.EnterpriseManagement;
import org.xietong.organizations.ExpertManagement;
import org.xietong.organizations.ExpertManagement.NewExpert;
import org.xietong.organizations.OrganizationManagement;
import org.xietong.organizations.RegisterEnterprise;
import org.xietong.organizations.OrganizationView;
import org.xietong.shared.CreditCode;
import org.xietong.shared.FirstStart;
import org.xietong.shared.Money;

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

	private final EnterpriseManagement enterprises;

	private final ExpertManagement experts;

	private final java.time.Clock clock;

	private final FirstStart firstStart;

	DemoProvince(UserManagement users, OrganizationManagement organizations, EnterpriseManagement enterprises,
			ExpertManagement experts, java.time.Clock clock, FirstStart firstStart) {
		this.firstStart = firstStart;
		this.clock = clock;
		this.users = users;
		this.organizations = organizations;
		this.enterprises = enterprises;
		this.experts = experts;
	}

	@Override
	public void run(ApplicationArguments args) {
		// All or nothing, and by one of the instances starting together on an empty
		// database.
		this.firstStart.onceAtomically(this::create);
	}

	private void create() {
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
		List<String> titles = List.of("教授", "副教授", "讲师");
		java.util.Map<String, UUID> universityIds = new java.util.HashMap<>();
		int phone = 1;
		for (University university : universities) {
			OrganizationView created = this.organizations.createUniversity(university.name(), university.code());
			universityIds.put(university.prefix(), created.id());
			user(university.prefix() + "-admin", university.name() + "教务处", Role.UNIVERSITY_ADMIN, created.id());
			int n = 1;
			for (String teacher : university.teachers()) {
				String username = university.prefix() + "-teacher" + n;
				this.users.create(new NewUser(username, PASSWORD, teacher, Role.TEACHER, created.id(),
						username + "@example.edu.cn", String.format("1380431%04d", phone++),
						titles.get((n - 1) % titles.size()), false));
				n++;
			}
		}

		UUID auto = enterprise("长春智行汽车科技有限公司", "91220101MA0Y3K8T5", "刘长春", LocalDate.of(2015, 6, 18), "汽车",
				"长春市汽车经济技术开发区东风大街 88 号", "智能网联汽车软件与测试装备研发", "马晓东", "13904310001", "ent-auto");
		UUID cloud = enterprise("吉林云图数字技术有限公司", "91220104MA17PQ2W3", "高云", LocalDate.of(2019, 3, 2), "人工智能",
				"长春市高新区硅谷大街 1234 号", "工业视觉与数据智能平台", "林静", "13904310002", "ent-cloud");
		// A young enterprise waiting for the department's review: it fills the review
		// queue and shows the age rule.
		enterprise("吉林启明教育科技有限公司", "91220102MA84N7R2X", "周启明", LocalDate.now(this.clock).minusYears(1), "电子商务",
				"长春市南关区人民大街 5688 号", "产教融合实训平台", "吴佳", "13904310003", "ent-new");
		this.enterprises.approve(auto);
		this.enterprises.approve(cloud);

		expert(department, "expert-pool", "褚研究员", universityIds.get("jlu"), List.of("人工智能", "智能制造"));
		expert(department, "expert-jlu", "吴教授", universityIds.get("jlu"), List.of("汽车", "机器人与装备制造"));
		expert(department, "expert-nenu", "郑教授", universityIds.get("nenu"), List.of("新文科", "教育技术"));
		expert(auto, "expert-auto", "钱工程师", auto, List.of("汽车", "新能源"));
		expert(cloud, "expert-cloud", "冯工程师", cloud, List.of("人工智能", "数字经济"));
		log.info("Created the demo province: sign in as dept, sysadmin or auditor with the password {}", PASSWORD);
	}

	private UUID enterprise(String name, String first17, String legal, LocalDate founded, String industry,
			String address, String description, String contact, String phone, String username) {
		String code = first17 + CreditCode.checkCharacter(first17);
		UUID id = this.enterprises
			.register(new RegisterEnterprise(name, code, legal, founded, Money.yuan(10_000_000), industry, address,
					description + "。", contact, phone, username + "@example.com", username, PASSWORD))
			.id();
		for (DocumentKind kind : DocumentKind.values()) {
			this.enterprises.uploadDocument(id, kind, new ByteArrayInputStream(DemoPdf.titled(kind.name())),
					kind.name().toLowerCase(java.util.Locale.ROOT) + ".pdf", username);
		}
		return id;
	}

	private void expert(UUID owner, String username, String name, UUID affiliation, List<String> fields) {
		this.experts.create(owner, new NewExpert(username, PASSWORD, name, affiliation, null, fields,
				username + "@example.com", null, List.of(), false));
	}

	private void user(String username, String displayName, Role role, UUID organization) {
		this.users.create(NewUser.of(username, PASSWORD, displayName, role, organization));
	}

	private record University(String name, String code, String prefix, List<String> teachers) {
	}

}

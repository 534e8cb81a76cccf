/**
 * Public notices (公示) and objections (异议), one mechanism for every stage: guides, review
 * results, approvals, completions. It knows nothing of those subjects: each subject
 * module implements {@link org.xietong.notices.NoticeSubjects} and listens to
 * {@link org.xietong.notices.ObjectionUpheld} and
 * {@link org.xietong.notices.NoticeClosed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public notices and objections")
package org.xietong.notices;

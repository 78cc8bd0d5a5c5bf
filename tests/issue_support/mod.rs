//! The hand-counted fixture of the problem tests (`tests/issue.rs`, `tests/report_issues.rs`):
//! `tests/fixtures/issues`, ten problems, and the pinned today. Every expected number in those
//! tests is counted from the table below, never from the program's output. Built on
//! `tests/common` and `tests/report_support`.
//!
//! ```text
//! gov.yaml  lang zh; issue_due_days urgent 1, normal 7, complex 15; response_days 1;
//!           departments 城管局 房产中心 供水公司; issue_categories 养老服务
//! grids     G0 诉求测试社区 (1) > G1 东区 (2) > G11 东区1号楼 (3);  G0 > G2 西区 (2)
//! members   M1 王芳 resident;  M2 李强 in_service
//! households H1 幸福里1号楼2单元301室 G11 刘大爷 (M1);  H2 和平苑5号楼1单元101室 G2 郑奶奶 (M2)
//!
//! id  category      urgency  source   grid    by  received  due    events
//! 01  water 用水    normal   visit    G11 H1  M1  03-01     03-08  dispatched 03-01; resolved 03-08
//!                                                                  (ON the due date); feedback 03-09
//!                                                                  solved, satisfied
//! 02  property 物业 normal   hotline  (H2→G2) M2  03-04     03-11  dispatched 03-06 (2 days: late);
//!                                                                  resolved 03-10; feedback 03-12 not
//!                                                                  solved, unsatisfied; REOPENED 03-13;
//!                                                                  progress 03-14; resolved 03-20
//!                                                                  (late); feedback 03-22 solved, basic
//! 03  heating 供暖  urgent   wechat   G11     M1  03-10     03-11  whistle 03-10 [城管局, 房产中心];
//!                                                                  report 城管局 03-11 (房产中心 NEVER
//!                                                                  reports); resolved 03-13 (late);
//!                                                                  feedback 03-14 UNREACHABLE
//! 04  infra 市政设施 normal  patrol   G2      M2  03-25     04-01  dispatched 03-26; resolved 04-02
//!                                                                  (NEXT MONTH, late); feedback 04-03
//!                                                                  solved, satisfied
//! 05  养老服务      complex  walk_in  (H1→G11) M1 02-10     02-25  dispatched 02-12 (late); whistle
//!                                                                  02-20 [供水公司]; report 02-21; open
//! 06  sanitation    normal   visit    G11     M1  03-15     03-22  no events (no response); open
//! 07  dispute 矛盾纠纷 urgent hotline —       —   03-20     03-21  duplicate 03-20 (closed)
//! 08  safety 安全隐患 normal meeting  G11     M1  03-05     03-12  whistle 03-06 [供水公司]; report
//!                                                                  03-08; resolved 03-12 (ON the due
//!                                                                  date); feedback 03-15 solved,
//!                                                                  satisfied
//! 09  welfare 社会保障 complex wechat (H2→G2) M2  03-20     04-04  dispatched 03-21; progress 03-25
//! 10  water 用水    normal   visit    G11 H1  M1  03-18     03-25  dispatched 03-18; resolved 03-22
//!                                                                  (on time, 4 days); feedback 03-24
//!                                                                  NOT solved, UNSATISFIED; nothing
//!                                                                  since: AWAITING REWORK (待重办)
//! ```
//!
//! March 2024, as of 03-31 (today is 04-10, after it):
//! - received 9 (all but 05); responded within a day 7 (01 03 04 07 08 09 10; not 02, 06)
//! - resolved 5 (01 02 03 08 10); on time 3 (01 08 on the due date, 10 before it); days
//!   [7, 16, 3, 7, 4]: median (3rd of 3 4 7 7 16) 7, 90th percentile (⌈4.5⌉ = 5th) 16
//! - followed up 4 (01 02 08 10; 03 only unreachable); solved 3 (not 10); satisfied 2 (01 08),
//!   3 with basically satisfied (02); reopened 1 (02)
//! - open on 03-31: 04 (6 days), 05 (50), 06 (16), 09 (11), 10 (13, awaiting rework); overdue
//!   05, 06, 10 (due 03-25)
//! - without 10 (before the rework status, and as it was counted before 10 was added): received
//!   8, responded 6, resolved 4, on time 2, followed up 3, solved 3 of 3, open 4, overdue 2
//! - whistles in March: 03 (城管局 reported in 1 day, 房产中心 never) and 08 (供水公司, 2 days)
#![allow(dead_code)]

use tempfile::TempDir;

use crate::common;

/// The fixture's "today".
pub const TODAY: &str = "2024-04-10";

/// A fresh copy of `tests/fixtures/issues` in a temp dir.
pub fn fixture() -> TempDir {
    common::copy_fixture("issues")
}

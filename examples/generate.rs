//! Generates realistic, deterministic data folders for `gov`: a community's grids, party members,
//! linked households (党员联系户), monthly visit ledgers (走访台账) and residents' problems (诉求)
//! with their whistle-and-report (吹哨报到) history. Every name, phone number and address is
//! invented.
//!
//! ```text
//! cargo run --release --example generate -- \
//!     --scale demo --out examples/xiawo --seed 1 [--force]
//! ```
//!
//! Scales:
//! - `demo`: 夏窝社区 of 河湾镇, calendar year 2022, reproducing the source report exactly: 282
//!   members who made visits, 5,420 visits, 623 problems resolved (137 of them from October on),
//!   520 in-service members registered with the community (双报到); and 35 meetings (会议与议事)
//!   with their decisions, drawn from a PRNG stream of their own: the seed report's cases and a
//!   year of ordinary meetings (demo scale only).
//! - `town`: a town folder (`kind: town`) of 20 demo-sized communities, each in a folder of its
//!   own (`c01` … `c20`, the first 夏窝社区 exactly as the demo), with seeds `seed` … `seed + 19`.
//! - `town-in-one`: a town's records in one folder: 2,000 members, 30,000 households, 200,000
//!   visits, 6,000 problems, 2023-2025.
//! - `district`: 10,000 members, 200,000 households, 2,000,000 visits, 60,000 problems, 2023-2025.
//!
//! The same seed always gives byte-identical output: the generator carries its own PRNG
//! (SplitMix64), draws in a fixed order and never iterates a hash map. `--force` replaces an
//! existing data folder (one holding gov.yaml) at `--out`.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Datelike, Days, NaiveDate};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const USAGE: &str =
    "usage: generate --scale demo|town|town-in-one|district|half-district --out DIR [--seed N] [--force]";
const NONE: u32 = u32::MAX;

// ───────────────────────────── PRNG ─────────────────────────────

/// SplitMix64: tiny, fast and fixed forever, so a seed always gives the same folder.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((self.next() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    /// An index drawn with the given integer weights.
    fn weighted(&mut self, w: &[u32]) -> usize {
        let mut x = self.below(w.iter().sum::<u32>() as usize) as u32;
        for (i, &wi) in w.iter().enumerate() {
            if x < wi {
                return i;
            }
            x -= wi;
        }
        unreachable!("weights sum to more than the draw")
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

/// Splits `total` into parts proportional to `weights` (largest remainder, ties to the earlier).
fn apportion(total: usize, weights: &[u64]) -> Vec<usize> {
    let sum = weights.iter().sum::<u64>() as u128;
    let mut parts: Vec<usize> = weights.iter().map(|&w| (total as u128 * w as u128 / sum) as usize).collect();
    let mut rest: Vec<(u128, usize)> =
        weights.iter().enumerate().map(|(i, &w)| (total as u128 * w as u128 % sum, i)).collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let left = total - parts.iter().sum::<usize>();
    for &(_, i) in &rest[..left] {
        parts[i] += 1;
    }
    parts
}

// ───────────────────────────── Scales ─────────────────────────────

#[derive(Clone, Copy)]
struct Scale {
    key: &'static str,
    name: &'static str,
    town: &'static str,
    first: NaiveDate,
    last: NaiveDate,
    communities: usize,
    areas: usize,
    buildings: (i64, i64),
    households: usize,
    /// resident, in-service, mobile.
    members: [usize; 3],
    /// How many of each kind visit households.
    visitors: [usize; 3],
    visits: usize,
    resolved: usize,
    open: usize,
    /// Exactly this many of the resolved problems are resolved on or after this date.
    late: Option<(NaiveDate, usize)>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn scale(key: &str) -> Option<Scale> {
    let three_years = (date(2023, 1, 1), date(2025, 12, 31));
    Some(match key {
        "demo" => Scale {
            key: "demo",
            name: "夏窝社区",
            town: "河湾镇",
            first: date(2022, 1, 1),
            last: date(2022, 12, 31),
            communities: 1,
            areas: 6,
            buildings: (6, 8),
            households: 1800,
            members: [205, 520, 35],
            visitors: [185, 90, 7],
            visits: 5420,
            resolved: 623,
            open: 57,
            late: Some((date(2022, 10, 1), 137)),
        },
        "town-in-one" => Scale {
            key: "town-in-one",
            name: "河湾镇各社区",
            town: "河湾镇",
            first: three_years.0,
            last: three_years.1,
            communities: 6,
            areas: 8,
            buildings: (10, 14),
            households: 30_000,
            members: [600, 1300, 100],
            visitors: [540, 340, 20],
            visits: 200_000,
            resolved: 5_760,
            open: 240,
            late: None,
        },
        "district" => Scale {
            key: "district",
            name: "滨江区各街道社区",
            town: "滨江区",
            first: three_years.0,
            last: three_years.1,
            communities: 25,
            areas: 8,
            buildings: (16, 24),
            households: 200_000,
            members: [3000, 6500, 500],
            visitors: [2700, 1700, 100],
            visits: 2_000_000,
            resolved: 57_600,
            open: 2_400,
            late: None,
        },
        // Half the district in every dimension, for the benchmark's linearity check.
        "half-district" => Scale {
            key: "half-district",
            name: "滨江区半区",
            town: "滨江区",
            first: three_years.0,
            last: three_years.1,
            communities: 12,
            areas: 8,
            buildings: (16, 24),
            households: 100_000,
            members: [1500, 3250, 250],
            visitors: [1350, 850, 50],
            visits: 1_000_000,
            resolved: 28_800,
            open: 1_200,
            late: None,
        },
        _ => return None,
    })
}

// ───────────────────────────── Word lists ─────────────────────────────

/// Surnames with rough weights per thousand people.
#[rustfmt::skip]
const SURNAMES: &[(&str, u32)] = &[
    ("王", 72), ("李", 72), ("张", 68), ("刘", 53), ("陈", 45), ("杨", 31), ("赵", 23), ("黄", 22), ("周", 21),
    ("吴", 20), ("徐", 17), ("孙", 15), ("胡", 13), ("朱", 13), ("高", 12), ("林", 12), ("何", 12), ("郭", 11),
    ("马", 11), ("罗", 9), ("梁", 8), ("宋", 7), ("郑", 7), ("谢", 6), ("韩", 6), ("唐", 6), ("冯", 6), ("于", 6),
    ("董", 5), ("程", 5), ("曹", 5), ("袁", 5), ("邓", 5), ("许", 5), ("傅", 4), ("沈", 4), ("曾", 4), ("彭", 4),
    ("吕", 4), ("苏", 4), ("卢", 4), ("蒋", 4), ("蔡", 4), ("贾", 3), ("丁", 3), ("魏", 3), ("薛", 3), ("叶", 3),
    ("余", 3), ("潘", 3), ("杜", 3), ("戴", 2), ("夏", 2), ("钟", 2), ("汪", 2), ("田", 2), ("任", 2), ("姜", 2),
    ("范", 2), ("方", 2), ("石", 2), ("姚", 2), ("谭", 2), ("廖", 2), ("邹", 2), ("熊", 2), ("金", 2), ("陆", 2),
    ("郝", 2), ("孔", 2), ("白", 2), ("崔", 2), ("康", 2), ("毛", 2), ("邱", 2), ("秦", 2), ("江", 2), ("史", 2),
    ("顾", 2), ("侯", 2), ("邵", 2), ("孟", 2), ("龙", 1), ("万", 1), ("段", 1), ("雷", 1), ("钱", 1), ("汤", 1),
    ("尹", 1), ("常", 1), ("武", 1), ("乔", 1), ("贺", 1), ("龚", 1), ("文", 1),
];
#[rustfmt::skip]
const GIVEN_MALE: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇",
    "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "国", "建", "志", "文", "海", "永", "德", "成", "荣", "庆",
    "东", "振", "利", "峰", "晨", "博", "新", "忠", "春", "立",
];
#[rustfmt::skip]
const GIVEN_FEMALE: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "兰", "玲", "红", "梅", "琳", "婷", "雪", "慧", "颖",
    "洁", "燕", "萍", "凤", "桂", "珍", "琴", "云", "莉", "晶", "倩", "佳", "欣", "怡", "淑", "华", "玉", "春", "月",
];
#[rustfmt::skip]
const PHONE_PREFIXES: &[&str] = &[
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
    "158", "159", "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191",
    "198", "199",
];
#[rustfmt::skip]
const COMMUNITIES: &[&str] = &[
    "夏窝社区", "东关社区", "柳园社区", "北辰社区", "西苑社区", "南湖社区", "新华社区", "光明社区", "建设社区",
    "青年路社区", "文化社区", "花园社区", "育才社区", "胜利社区", "友谊社区", "和平社区", "工农社区", "红旗社区",
    "长春社区", "朝阳社区", "滨河社区", "振兴社区", "富民社区", "永安社区", "民主社区", "兴华社区", "康宁社区",
    "东风社区", "丰收社区", "团结社区",
];
#[rustfmt::skip]
const AREA_PREFIXES: &[&str] = &[
    "幸福", "阳光", "锦绣", "和平", "翠柳", "金桥", "福泰", "康乐", "润泽", "东方", "绿洲", "华苑", "馨园", "春晖",
    "怡景", "丽水", "书香", "嘉和", "泰和", "盛世", "万家", "紫荆", "梧桐", "滨河", "朝阳", "新城", "龙湾", "御景",
    "香樟", "桃源",
];
const AREA_SUFFIXES: &[&str] = &["小区", "花园", "家园", "新村", "苑", "里小区", "雅居", "名苑"];
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "区税务局", "市第一人民医院", "河湾镇中心小学", "区人民法院", "区住建局", "国网滨江供电公司", "市自来水公司",
    "区市场监管局", "区农商银行", "区教育局", "区财政局", "区公安分局", "区卫健委", "区人社局", "区民政局",
    "区城管局", "市第二中学", "区人民检察院", "区交通运输局", "区文旅局", "区应急管理局", "区自然资源局",
    "区统计局", "区审计局", "中国移动滨江分公司", "区妇幼保健院", "市实验小学", "区残联", "区总工会", "团区委",
];
const DUTIES: &[&str] = &["志愿服务", "卡点值守", "物资保供", "巡逻", "政策宣讲"];
#[rustfmt::skip]
const DEPARTMENTS: &[&str] = &[
    "城管局", "房产中心", "信访局", "供水公司", "供电公司", "供热公司", "燃气公司", "住建局", "民政局", "人社局",
    "医保局", "司法所", "派出所", "消防救援站", "市场监管局",
];
const DISPATCHERS: &[&str] = &["社区居委会", "社区党委", "网格服务站"];
/// Progress notes for repairs and for problems solved by talking (disputes, welfare, other).
const PROGRESS_REPAIR: &[&str] = &["已联系责任单位，正在处理", "维修材料已到位，等待施工", "已现场查看，制定维修方案"];
const PROGRESS_TALK: &[&str] = &["已联系责任单位，正在处理", "已与当事人沟通，正在协调", "已收集相关材料，等待审核"];

// Household tags (bit positions follow the codes below).
const TAGS: [&str; 8] =
    ["elderly_alone", "hardship", "dibao", "disability", "key_person", "rental", "minor_care", "vacant"];
const ELDERLY: u8 = 1;
const HARDSHIP: u8 = 2;
const DIBAO: u8 = 4;
const DISABILITY: u8 = 8;
const KEY_PERSON: u8 = 16;
const RENTAL: u8 = 32;
const MINOR: u8 = 64;
const VACANT: u8 = 128;

const RED: u8 = 0;
const YELLOW: u8 = 1;
const COLORS: [&str; 3] = ["red", "yellow", "green"];
const KINDS: [&str; 3] = ["resident", "in_service", "mobile"];
const METHODS: [&str; 5] = ["home", "phone", "wechat", "video", "group"];
const METHOD_PREFIX: [&str; 5] = ["入户走访，", "电话联系，", "微信联系，", "视频连线，", "集中走访，"];

// Months as bits (bit 0 = January).
const ALL: u16 = 0xFFF;
const WINTER: u16 = 0xC07; // Nov-Mar
const SUMMER: u16 = 0x0E0; // Jun-Aug
const RAINY: u16 = 0x1F0; // May-Sep
const MEDICAL: u16 = 0xF01; // Sep-Jan, the resident medical insurance season
const FESTIVAL: u16 = 0x103; // Spring Festival and Mid-Autumn

/// A visit topic: its name in the `topics` column, what a summary says about it, when it comes up
/// (month bits, last year-month or 0) and which household tags draw it (0: any household).
struct Topic {
    name: &'static str,
    lines: &'static [&'static str],
    months: u16,
    until: u32,
    tags: u8,
    weight: u32,
}

#[rustfmt::skip]
const TOPICS: &[Topic] = &[
    Topic { name: "防诈骗", months: ALL, until: 0, tags: 0, weight: 10, lines: &["宣传防范电信网络诈骗知识，提醒不接听陌生来电", "讲解以房养老、保健品等诈骗套路，提醒老人守好钱袋子", "指导下载安装国家反诈中心APP"] },
    Topic { name: "医保缴费", months: MEDICAL, until: 0, tags: 0, weight: 8, lines: &["提醒按时缴纳城乡居民医保", "讲解医保缴费渠道和报销比例", "帮助老人用手机完成医保缴费"] },
    Topic { name: "疫情防控", months: ALL, until: 202301, tags: 0, weight: 8, lines: &["宣传疫苗接种政策，登记未接种人员", "询问家庭成员健康状况，提醒做好个人防护", "了解居家人员生活需求，帮助代购生活物资"] },
    Topic { name: "垃圾分类", months: ALL, until: 0, tags: 0, weight: 5, lines: &["宣传垃圾分类知识，发放分类指南", "提醒按时定点投放生活垃圾"] },
    Topic { name: "安全用电", months: ALL, until: 0, tags: 0, weight: 6, lines: &["检查家中电线插座，提醒不私拉乱接", "提醒电动车不进楼道、不飞线充电"] },
    Topic { name: "燃气安全", months: WINTER, until: 0, tags: 0, weight: 6, lines: &["检查燃气管道和报警器，提醒用完关阀", "提醒冬季注意通风，防止一氧化碳中毒"] },
    Topic { name: "供暖", months: WINTER, until: 0, tags: 0, weight: 7, lines: &["询问冬季供暖情况，室温正常", "询问冬季供暖情况，居民反映暖气不太热", "提醒做好水管防冻"] },
    Topic { name: "政策宣传", months: ALL, until: 0, tags: 0, weight: 6, lines: &["宣传惠民政策，发放政策明白纸", "讲解高龄津贴申领条件和流程", "宣传城乡居民养老保险政策"] },
    Topic { name: "防汛", months: SUMMER, until: 0, tags: 0, weight: 6, lines: &["排查房屋漏雨情况，提醒汛期注意安全", "提醒雨天远离河道和低洼地带"] },
    Topic { name: "征求意见", months: ALL, until: 0, tags: 0, weight: 5, lines: &["征求居民对社区工作的意见建议", "了解居民对物业服务的评价"] },
    Topic { name: "文明创建", months: ALL, until: 0, tags: 0, weight: 4, lines: &["宣传文明城市创建，倡导文明养犬", "动员居民参加楼道清洁志愿活动"] },
    Topic { name: "消防安全", months: ALL, until: 0, tags: 0, weight: 4, lines: &["检查楼道杂物，提醒保持消防通道畅通", "讲解家用灭火器使用方法"] },
    Topic { name: "节日慰问", months: FESTIVAL, until: 0, tags: 0, weight: 6, lines: &["节前走访慰问，送去节日祝福", "送去慰问品，了解节日期间生活安排"] },
    Topic { name: "养老服务", months: ALL, until: 0, tags: ELDERLY, weight: 30, lines: &["了解老人身体状况，提醒按时服药", "介绍社区助餐点和居家养老服务", "陪老人聊天，了解生活需求", "帮助老人预约家庭医生上门"] },
    Topic { name: "救助帮扶", months: ALL, until: 0, tags: HARDSHIP | DIBAO, weight: 25, lines: &["了解家庭收入变化，核实低保情况", "送去米面油等慰问品", "协助申请临时救助"] },
    Topic { name: "出租房管理", months: ALL, until: 0, tags: RENTAL, weight: 20, lines: &["登记租户信息，提醒签订租赁合同", "检查出租屋消防安全"] },
    Topic { name: "困境儿童关爱", months: ALL, until: 0, tags: MINOR, weight: 25, lines: &["了解孩子学习生活情况", "送去学习用品，联系志愿者辅导功课"] },
    Topic { name: "残疾人服务", months: ALL, until: 0, tags: DISABILITY, weight: 20, lines: &["了解残疾人两项补贴发放情况", "协助办理残疾证年审"] },
    Topic { name: "稳控帮扶", months: ALL, until: 0, tags: KEY_PERSON, weight: 30, lines: &["了解近期思想和生活状况，做好稳控帮扶", "耐心倾听诉求，做好解释疏导"] },
    Topic { name: "空挂户核查", months: ALL, until: 0, tags: VACANT, weight: 40, lines: &["电话联系户主，核实房屋居住情况", "核实空挂户人员信息"] },
];
const NO_TOPIC: u8 = u8::MAX;

/// Where a problem is: one flat, one entrance of a building, or a whole compound.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Room,
    Entrance,
    Area,
}

const URGENT: usize = 0;
const NORMAL: usize = 1;
const COMPLEX: usize = 2;
const URGENCIES: [&str; 3] = ["urgent", "normal", "complex"];

/// A kind of problem: category, where, urgency, season, the household tags it needs (0: any),
/// title after the place, description, how it was solved, and the departments a whistle summons.
struct ProblemKind {
    cat: &'static str,
    needs: u8,
    /// Needs a lift (buildings of 11 floors or more) or a flat on the top floor.
    lift: bool,
    top_floor: bool,
    scope: Scope,
    urgency: usize,
    months: u16,
    title: &'static str,
    desc: &'static str,
    note: &'static str,
    depts: &'static [&'static str],
}

/// `problem!(category, scope, urgency, months, title, description, resolution, [departments], flag: value...)`.
macro_rules! problem {
    ($cat:literal, $scope:ident, $urg:ident, $months:ident, $title:literal, $desc:literal, $note:literal, [$($d:literal),*] $(, $flag:ident: $v:expr)*) => {
        ProblemKind {
            $($flag: $v,)*
            ..ProblemKind {
                cat: $cat, needs: 0, lift: false, top_floor: false, scope: Scope::$scope, urgency: $urg, months: $months,
                title: $title, desc: $desc, note: $note, depts: &[$($d),*],
            }
        }
    };
}

#[rustfmt::skip]
const PROBLEMS: &[ProblemKind] = &[
    problem!("heating", Room, NORMAL, WINTER, "暖气不热", "家中暖气温度偏低，室温不到16度，家里有老人孩子", "供热公司上门排气调试，室温恢复正常", ["供热公司"]),
    problem!("heating", Entrance, URGENT, WINTER, "暖气管道漏水", "楼道暖气管道接口漏水，地面结冰有滑倒风险", "供热公司抢修更换管道接口，漏水已止", ["供热公司"]),
    problem!("heating", Area, COMPLEX, WINTER, "供暖管网老化温度不达标", "多栋楼住户反映暖气温度普遍偏低，管网老化严重", "供热公司更换老化管段，室温达标", ["供热公司", "住建局"]),
    problem!("water", Entrance, URGENT, ALL, "突然停水", "整个单元突然停水，事先未接到停水通知", "供水公司抢修爆裂管道，已恢复供水", ["供水公司"]),
    problem!("water", Room, NORMAL, ALL, "自来水水压低", "用水高峰时段水压不足，热水器无法启动", "供水公司调整二次供水加压设备，水压恢复", ["供水公司"]),
    problem!("water", Entrance, NORMAL, ALL, "下水管道堵塞返水", "单元下水管道堵塞，一楼住户地漏返水", "物业疏通下水管道，已恢复通畅", ["房产中心"]),
    problem!("power", Entrance, NORMAL, ALL, "楼道电线老化", "楼道内电线裸露老化，存在触电和火灾隐患", "供电公司更换老化线路", ["供电公司"]),
    problem!("power", Room, URGENT, ALL, "频繁跳闸停电", "家中频繁跳闸停电，冰箱食物变质", "供电公司检修入户线路，用电恢复正常", ["供电公司"]),
    problem!("property", Entrance, URGENT, ALL, "电梯故障困人", "电梯运行中突然停止，有住户被困", "维保单位解救被困人员并更换故障部件，电梯经检测恢复运行", ["房产中心", "市场监管局"], lift: true),
    problem!("property", Area, COMPLEX, ALL, "物业服务不到位", "小区绿化无人修剪，公共区域卫生差，物业人员不足", "社区约谈物业公司，物业制定整改计划并落实", ["房产中心"]),
    problem!("property", Room, COMPLEX, RAINY, "屋顶漏雨", "顶楼住户屋顶漏雨，墙面发霉", "协调维修资金对屋面做防水处理", ["房产中心", "住建局"], top_floor: true),
    problem!("property", Entrance, NORMAL, ALL, "单元门禁损坏", "单元门禁损坏无法关闭，外来人员随意进出", "物业更换门禁锁具", []),
    problem!("sanitation", Area, NORMAL, ALL, "垃圾清运不及时", "垃圾桶满溢，异味大，蚊蝇滋生", "协调环卫部门增加清运频次", ["城管局"]),
    problem!("sanitation", Entrance, NORMAL, ALL, "楼道杂物堆积", "楼道堆放旧家具和纸箱，影响通行", "组织党员志愿者和物业清理楼道杂物", []),
    problem!("sanitation", Area, URGENT, ALL, "化粪池外溢", "化粪池外溢污水横流，气味刺鼻", "城管局协调清掏化粪池并消毒", ["城管局"]),
    problem!("infrastructure", Entrance, NORMAL, ALL, "楼道灯不亮", "楼道感应灯损坏，老人夜间上下楼不便", "已更换楼道灯", []),
    problem!("infrastructure", Area, COMPLEX, ALL, "路面破损积水", "小区主干道路面坑洼，雨天积水严重", "住建局安排修补路面并疏通雨水管", ["住建局", "城管局"]),
    problem!("infrastructure", Area, NORMAL, ALL, "路灯损坏", "小区内多盏路灯不亮，夜间出行不安全", "城管局维修更换路灯", ["城管局"]),
    problem!("dispute", Room, NORMAL, ALL, "邻里噪音纠纷", "楼上住户夜间噪音大，双方多次发生争执", "网格员会同司法所上门调解，双方达成谅解", ["司法所"]),
    problem!("dispute", Room, COMPLEX, ALL, "楼上漏水引发纠纷", "楼上卫生间漏水导致楼下天花板受损，双方协商未果", "司法所调解达成赔偿协议，楼上已完成防水维修", ["司法所", "房产中心"]),
    problem!("dispute", Area, NORMAL, ALL, "停车位纠纷", "个别住户长期占用公共车位引发矛盾", "召开居民议事会协商，制定车位使用规则", []),
    problem!("safety", Entrance, NORMAL, ALL, "电动车楼道充电", "有住户将电动车推入楼道充电，存在火灾隐患", "劝导住户到集中充电桩充电，楼道已清理", ["消防救援站"]),
    problem!("safety", Room, URGENT, ALL, "燃气异味", "家中闻到燃气异味，担心管道泄漏", "燃气公司上门检测并更换老化胶管", ["燃气公司"]),
    problem!("safety", Area, NORMAL, ALL, "消防通道被占用", "车辆长期占用消防通道，消防车无法通行", "城管局和消防救援站联合整治，已设置禁停标识", ["消防救援站", "城管局"]),
    problem!("welfare", Room, NORMAL, ALL, "住户咨询低保申请", "家庭收入下降，咨询低保申请条件和办理流程", "协助准备材料并提交民政部门审核", ["民政局"], needs: HARDSHIP),
    problem!("welfare", Room, NORMAL, ALL, "高龄津贴未到账", "老人高龄津贴连续两个月未到账", "民政局核实后已补发", ["民政局"], needs: ELDERLY),
    problem!("welfare", Room, NORMAL, ALL, "独居老人需要助餐服务", "独居老人行动不便，做饭困难", "为老人办理社区助餐服务，每日送餐上门", ["民政局"], needs: ELDERLY),
    problem!("welfare", Room, NORMAL, ALL, "住户咨询医保报销", "家人住院，咨询医保报销比例和异地就医备案", "医保局工作人员上门讲解并协助办理备案", ["医保局"]),
    problem!("welfare", Room, NORMAL, ALL, "家庭成员失业求助", "家庭成员失业，希望社区帮助推荐工作", "人社局推荐就业岗位并安排技能培训", ["人社局"]),
    problem!("other", Area, COMPLEX, ALL, "老旧小区改造进度咨询", "居民关心老旧小区改造何时开工及改造内容", "住建局到社区召开说明会，公布改造计划", ["住建局"]),
    problem!("other", Area, NORMAL, ALL, "广场舞噪音扰民", "晚间广场舞音响声音过大，影响周边住户休息", "协商调整活动时间和音量", []),
];

const SOURCES: [&str; 7] = ["visit", "hotline", "walk_in", "wechat", "patrol", "meeting", "other"];
const SOURCE_WEIGHTS: [u32; 7] = [45, 15, 12, 12, 9, 4, 3];

// ───────────────────────────── Records ─────────────────────────────

struct Grid {
    id: String,
    name: String,
    level: u8,
    parent: Option<usize>,
    leader: Option<usize>,
    number: usize,
    units: usize,
    floors: usize,
}

struct Area {
    grid: usize,
    community: usize,
    index: usize,
    buildings: Vec<usize>,
    households: Vec<usize>,
    visitors: Vec<usize>,
    active: Vec<usize>,
    leader: usize,
}

struct Member {
    id: String,
    name: String,
    kind: usize,
    area: usize,
    grid: usize,
    branch: String,
    phone: String,
    unit: Option<&'static str>,
    registered: Option<NaiveDate>,
    status: &'static str,
    roles: Vec<&'static str>,
    visitor: bool,
}

/// An organisation of the generated folder.
struct Org {
    name: String,
    kind: &'static str,
    parent: Option<usize>,
    leader: Option<usize>,
    grids: Vec<usize>,
}

#[derive(Default)]
struct Orgs {
    list: Vec<Org>,
    by_name: HashMap<String, usize>,
    /// An org's partner (支部联建): `partner_of`.
    partners: HashMap<usize, usize>,
}

impl Orgs {
    fn id(&self, i: usize) -> String {
        format!("O{:04}", i + 1)
    }

    /// The id of the org named `name` (every branch and unit a member names is one).
    fn id_of(&self, name: &str) -> String {
        self.id(self.by_name[name])
    }
}

struct Household {
    id: String,
    area: usize,
    building: usize,
    unit: usize,
    room: usize,
    head: String,
    phone: Option<String>,
    size: Option<u32>,
    color: u8,
    tags: u8,
    contacts: Vec<u32>,
    /// 登记日期 within the period (a newcomer), as a day index; `None` for households on the
    /// books before it (the file leaves the date empty, as many offices' records do).
    since: Option<usize>,
}

/// One visit row; the summary text is made from these choices when the row is written.
struct Visit {
    day: u16,
    member: u32,
    household: u32,
    with: u32,
    issue: u32,
    method: u8,
    topics: [u8; 2],
    lines: [u8; 2],
    prefix: bool,
}

#[derive(Clone)]
struct Event {
    day: i64,
    action: &'static str,
    by: Option<&'static str>,
    note: Option<&'static str>,
    departments: Vec<&'static str>,
    department: Option<&'static str>,
    solved: Option<bool>,
    satisfaction: Option<&'static str>,
}

impl Event {
    fn new(day: i64, action: &'static str) -> Event {
        Event {
            day,
            action,
            by: None,
            note: None,
            departments: Vec::new(),
            department: None,
            solved: None,
            satisfaction: None,
        }
    }
}

struct Issue {
    id: String,
    received: usize,
    kind: usize,
    urgency: usize,
    source: &'static str,
    /// The household whose flat, entrance or compound the problem is about.
    place: usize,
    household: Option<usize>,
    grid: usize,
    recorded_by: usize,
    events: Vec<Event>,
}

/// The whole folder in memory, built in a fixed order from one PRNG.
struct World {
    s: Scale,
    days: Vec<String>,
    yms: Vec<u32>,
    grids: Vec<Grid>,
    areas: Vec<Area>,
    members: Vec<Member>,
    households: Vec<Household>,
    visits: Vec<Visit>,
    issues: Vec<Issue>,
}

fn width(n: usize) -> usize {
    n.to_string().len().max(4)
}

fn cn_number(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].into(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n % 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

fn person_name(rng: &mut Rng) -> String {
    let weights: Vec<u32> = SURNAMES.iter().map(|s| s.1).collect();
    let mut name = SURNAMES[rng.weighted(&weights)].0.to_string();
    let pool = if rng.chance(0.5) { GIVEN_MALE } else { GIVEN_FEMALE };
    name.push_str(rng.pick(pool));
    if rng.chance(0.7) {
        name.push_str(rng.pick(pool));
    }
    name
}

fn mobile(rng: &mut Rng) -> String {
    format!("{}{:08}", rng.pick(PHONE_PREFIXES), rng.below(100_000_000))
}

// ───────────────────────────── Building the world ─────────────────────────────

impl World {
    fn new(s: Scale) -> World {
        let n = (s.last - s.first).num_days() as u64 + 1;
        let dates: Vec<NaiveDate> = (0..n).map(|d| s.first + Days::new(d)).collect();
        World {
            s,
            days: dates.iter().map(|d| d.to_string()).collect(),
            yms: dates.iter().map(|d| d.year() as u32 * 100 + d.month()).collect(),
            grids: Vec::new(),
            areas: Vec::new(),
            members: Vec::new(),
            households: Vec::new(),
            visits: Vec::new(),
            issues: Vec::new(),
        }
    }

    fn community_name(&self, c: usize) -> &'static str {
        if self.s.communities == 1 { self.s.name } else { COMMUNITIES[c] }
    }

    /// Communities (level 1), compounds (level 2) and buildings (level 3).
    fn build_grids(&mut self, rng: &mut Rng) {
        let mut names: Vec<String> =
            AREA_PREFIXES.iter().flat_map(|p| AREA_SUFFIXES.iter().map(move |s| format!("{p}{s}"))).collect();
        rng.shuffle(&mut names);
        let grid = |id: String, name: String, level: u8, parent: Option<usize>| Grid {
            id,
            name,
            level,
            parent,
            leader: None,
            number: 0,
            units: 0,
            floors: 0,
        };
        for c in 0..self.s.communities {
            let cg = self.grids.len();
            self.grids.push(grid(format!("G-{:02}", c + 1), self.community_name(c).into(), 1, None));
            for a in 0..self.s.areas {
                let ag = self.grids.len();
                let name = names[self.areas.len()].clone();
                self.grids.push(grid(format!("G-{:02}-{:02}", c + 1, a + 1), name, 2, Some(cg)));
                let mut area = Area {
                    grid: ag,
                    community: c,
                    index: a,
                    buildings: vec![],
                    households: vec![],
                    visitors: vec![],
                    active: vec![],
                    leader: 0,
                };
                for b in 0..rng.range(self.s.buildings.0, self.s.buildings.1) as usize {
                    area.buildings.push(self.grids.len());
                    let mut g = grid(
                        format!("G-{:02}-{:02}-{:02}", c + 1, a + 1, b + 1),
                        format!("{}号楼", b + 1),
                        3,
                        Some(ag),
                    );
                    g.number = b + 1;
                    g.units = rng.range(2, 4) as usize;
                    g.floors = rng.pick(&[5, 6, 6, 6, 7, 11, 12, 18, 18, 26]);
                    self.grids.push(g);
                }
                self.areas.push(area);
            }
        }
    }

    /// Households fill randomly chosen flats, in proportion to each building's size.
    fn build_households(&mut self, rng: &mut Rng) {
        let buildings: Vec<(usize, usize)> =
            self.areas.iter().enumerate().flat_map(|(a, ar)| ar.buildings.iter().map(move |&g| (a, g))).collect();
        let caps: Vec<u64> =
            buildings.iter().map(|&(_, g)| (2 * self.grids[g].units * self.grids[g].floors) as u64).collect();
        let counts = apportion(self.s.households, &caps);
        let w = width(self.s.households).max(5);
        for (i, &(a, g)) in buildings.iter().enumerate() {
            let (cap, k) = (caps[i] as usize, counts[i]);
            assert!(k <= cap, "building {} is over-full", self.grids[g].id);
            let mut flats: Vec<usize> = (0..cap).collect();
            for j in 0..k {
                flats.swap(j, j + rng.below(cap - j));
            }
            let mut flats = flats[..k].to_vec();
            flats.sort_unstable();
            let per_unit = 2 * self.grids[g].floors;
            for f in flats {
                let (color, tags) = colour_and_tags(rng);
                let size = if tags & VACANT != 0 {
                    None
                } else if tags & ELDERLY != 0 {
                    Some(1)
                } else {
                    Some([1, 2, 3, 4, 5, 6][rng.weighted(&[8, 30, 32, 18, 8, 4])])
                };
                let n = self.households.len();
                self.areas[a].households.push(n);
                self.households.push(Household {
                    id: format!("H{:0w$}", n + 1),
                    area: a,
                    building: g,
                    unit: f / per_unit + 1,
                    room: (f % per_unit / 2 + 1) * 100 + f % 2 + 1,
                    head: person_name(rng),
                    phone: rng.chance(0.97).then(|| mobile(rng)),
                    size,
                    color,
                    tags,
                    contacts: Vec::new(),
                    since: None,
                });
            }
        }
    }

    /// Members of the three kinds; the visitors are spread over the compounds by households.
    fn build_members(&mut self, rng: &mut Rng) {
        let s = self.s;
        let n_areas = self.areas.len();
        let per_area: Vec<u64> = self.areas.iter().map(|a| a.households.len() as u64).collect();
        let quota = apportion(s.visitors.iter().sum(), &per_area);
        assert!(s.visitors[0] >= n_areas && quota.iter().all(|&q| q >= 1), "every compound needs a resident visitor");
        let mut pool: Vec<usize> = Vec::new();
        for (kind, &n) in s.visitors.iter().enumerate() {
            pool.extend(std::iter::repeat_n(kind, n - if kind == 0 { n_areas } else { 0 }));
        }
        rng.shuffle(&mut pool);
        let mut specs: Vec<(usize, usize, u64, bool)> = Vec::new(); // kind, area, order key, visitor
        let mut next = pool.into_iter();
        for (a, &q) in quota.iter().enumerate() {
            specs.push((0, a, 0, true)); // the compound's grid leader comes first
            for _ in 1..q {
                specs.push((next.next().expect("enough visitors"), a, rng.next(), true));
            }
        }
        for kind in 0..3 {
            for _ in s.visitors[kind]..s.members[kind] {
                specs.push((kind, rng.below(n_areas), rng.next(), false));
            }
        }
        specs.sort_by_key(|&(kind, area, key, _)| (kind, area, key));
        let w = width(specs.len());
        let since = date(2019, 6, 1);
        for (i, &(kind, a, _, visitor)) in specs.iter().enumerate() {
            let area = &self.areas[a];
            let (community, index) = (area.community, area.index);
            let status = if visitor {
                "active"
            } else {
                match kind {
                    0 => ["active", "transferred", "inactive", "deceased"][rng.weighted(&[86, 5, 3, 6])],
                    1 => ["active", "transferred"][rng.weighted(&[98, 2])],
                    _ => ["active", "inactive"][rng.weighted(&[82, 18])],
                }
            };
            let branch = match kind {
                0 if s.communities == 1 => format!("第{}党支部", cn_number(index + 1)),
                0 => format!("{}第{}党支部", self.community_name(community), cn_number(index + 1)),
                1 => format!("{}网格临时党支部", self.grids[area.grid].name),
                _ => "流动党员党支部".to_string(),
            };
            let registered = (kind == 1).then(|| {
                let until = if visitor { s.first - Days::new(30) } else { s.last };
                since + Days::new(rng.below((until - since).num_days() as usize + 1) as u64)
            });
            let mut roles = Vec::new();
            if kind == 1 && rng.chance(0.6) {
                roles.push(rng.pick(DUTIES));
                if rng.chance(0.3) {
                    let second = rng.pick(DUTIES);
                    if second != roles[0] {
                        roles.push(second);
                    }
                }
            }
            self.members.push(Member {
                id: format!("M{:0w$}", i + 1),
                name: person_name(rng),
                kind,
                area: a,
                grid: area.grid,
                branch,
                phone: mobile(rng),
                unit: (kind == 1).then(|| rng.pick(UNITS)),
                registered,
                status,
                roles,
                visitor,
            });
        }
        for (m, member) in self.members.iter().enumerate() {
            let area = &mut self.areas[member.area];
            if member.visitor {
                area.visitors.push(m);
            }
            if member.status == "active" {
                area.active.push(m);
            }
        }
        self.house_residents_and_leaders(rng);
    }

    /// Resident members live in the buildings; grids get their leaders and members their roles.
    fn house_residents_and_leaders(&mut self, rng: &mut Rng) {
        for a in 0..self.areas.len() {
            let residents: Vec<usize> =
                self.members.iter().enumerate().filter(|(_, m)| m.kind == 0 && m.area == a).map(|(i, _)| i).collect();
            let mut buildings = self.areas[a].buildings.clone();
            rng.shuffle(&mut buildings);
            for (j, &m) in residents.iter().enumerate() {
                self.members[m].grid = buildings[j % buildings.len()];
            }
            let active_res: Vec<usize> =
                residents.iter().copied().filter(|&m| self.members[m].status == "active").collect();
            let leader =
                *self.areas[a].visitors.iter().find(|&&m| self.members[m].kind == 0).expect("a resident visitor");
            self.areas[a].leader = leader;
            self.grids[self.areas[a].grid].leader = Some(leader);
            self.members[leader].roles.insert(0, "网格长");
            for (bi, &g) in self.areas[a].buildings.clone().iter().enumerate() {
                let living: Vec<usize> = active_res.iter().copied().filter(|&m| self.members[m].grid == g).collect();
                let chosen = living
                    .iter()
                    .copied()
                    .find(|&m| self.members[m].visitor)
                    .or(living.first().copied())
                    .unwrap_or(active_res[bi % active_res.len()]);
                self.grids[g].leader = Some(chosen);
                if !self.members[chosen].roles.contains(&"楼栋长") {
                    self.members[chosen].roles.push("楼栋长");
                }
            }
            for &m in &self.areas[a].visitors {
                let member = &mut self.members[m];
                if member.kind == 0 && m != leader && rng.chance(0.2) {
                    member.roles.push(if rng.chance(0.6) { "网格员" } else { "党小组长" });
                }
            }
        }
        for c in 0..self.s.communities {
            let first = &self.areas[c * self.s.areas];
            let secretary = first
                .visitors
                .iter()
                .copied()
                .find(|&m| self.members[m].kind == 0 && m != first.leader)
                .unwrap_or(first.leader);
            let community_grid = self.grids[first.grid].parent.expect("a compound's community");
            self.grids[community_grid].leader = Some(secretary);
            self.members[secretary].roles.insert(0, "社区党委书记");
        }
    }

    /// Every visitor gets households of their own compound (so each has at least one); red
    /// households get two or three contacts.
    fn link_contacts(&mut self, rng: &mut Rng) {
        for a in 0..self.areas.len() {
            let mut vis = self.areas[a].visitors.clone();
            rng.shuffle(&mut vis);
            let hs = &self.areas[a].households;
            assert!(hs.len() >= vis.len(), "more visitors than households in a compound");
            for (i, &h) in hs.iter().enumerate() {
                let want = match self.households[h].color {
                    RED => rng.range(2, 3) as usize,
                    YELLOW => 1 + rng.chance(0.4) as usize,
                    _ => 1 + rng.chance(0.2) as usize,
                }
                .min(vis.len());
                let contacts = &mut self.households[h].contacts;
                contacts.push(vis[i % vis.len()] as u32);
                while contacts.len() < want {
                    let c = rng.pick(&vis) as u32;
                    if !contacts.contains(&c) {
                        contacts.push(c);
                    }
                }
            }
        }
    }

    /// Exactly `s.visits` visits, on the rhythm gov.yaml asks of each household (三色管理:
    /// [`interval_days`]), drawn from a PRNG stream of their own. Most households are visited a
    /// little within their interval all period long; those whose main contact is short of time
    /// ([`World::stretched_members`]) are visited at 1.6 to 2.4 times their interval, so some of
    /// them are overdue at the end, where a member's coverage is low. The total is then made
    /// exact by taking visits out of the middle of the slow households' (then anyone's) runs, or
    /// adding visits on free days, neither of which moves a household's last visit.
    fn schedule_visits(&mut self, rng: &mut Rng) {
        let (n, h) = (self.s.visits, self.households.len());
        assert!(n >= h, "fewer visits than households");
        let days = self.days.len();
        let stretched = self.stretched_members(rng);
        let mut runs: Vec<Vec<usize>> = Vec::with_capacity(h);
        let mut slow = vec![false; h];
        let mut intervals = vec![365.0; h];
        for (hi, hh) in self.households.iter_mut().enumerate() {
            // About one household in ten registered during the period (newcomers).
            hh.since = rng.chance(0.1).then(|| rng.below(days));
            let interval = interval_days(hh.color, hh.tags).unwrap_or(365) as f64;
            intervals[hi] = interval;
            slow[hi] = stretched[hh.contacts[0] as usize];
            let stretch = if slow[hi] { 1.6 + 0.8 * rng.unit() } else { 1.0 };
            let gap = |rng: &mut Rng| (interval * stretch * (0.85 + 0.15 * rng.unit())).max(1.0);
            // The first visit soon after the start (or the registration): by then it is due.
            let start = hh.since.unwrap_or(0) as f64;
            let first = gap(rng).min(if hh.since.is_some() { interval } else { 60.0 });
            let mut run = Vec::new();
            let mut d = start + first * rng.unit();
            while (d as usize) < days {
                if run.last() != Some(&(d as usize)) {
                    run.push(d as usize);
                }
                d += gap(rng);
            }
            if run.is_empty() {
                run.push(days - 1);
            }
            runs.push(run);
        }
        let mut total: usize = runs.iter().map(Vec::len).sum();
        // Too many: drop visits between a household's first and last: the slow households'
        // first, then those with the shortest interval, where a visit less leaves the shortest
        // spell overdue.
        let mut order: Vec<usize> = (0..h).collect();
        order.sort_by_key(|&i| (!slow[i], intervals[i] as u32));
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in &order {
            match groups.last_mut() {
                Some(g) if (slow[g[0]], intervals[g[0]] as u32) == (slow[i], intervals[i] as u32) => g.push(i),
                _ => groups.push(vec![i]),
            }
        }
        for group in groups {
            let mut cands: Vec<usize> = group.into_iter().filter(|&i| runs[i].len() > 2).collect();
            while total > n && !cands.is_empty() {
                let k = rng.below(cands.len());
                let run = &mut runs[cands[k]];
                run.remove(1 + rng.below(run.len() - 2));
                total -= 1;
                if run.len() <= 2 {
                    cands.swap_remove(k);
                }
            }
        }
        // Too few: a visit more on a free day before the household's last, red ones first.
        while total < n {
            let hi = rng.below(h);
            let hh = &self.households[hi];
            if hh.color != RED && rng.chance(0.5) {
                continue;
            }
            let run = &mut runs[hi];
            let last = *run.last().expect("every household has a visit");
            let from = hh.since.unwrap_or(0).min(last);
            let d = from + rng.below(last - from + 1);
            if let Err(at) = run.binary_search(&d) {
                run.insert(at, d);
                total += 1;
            }
        }
        assert_eq!(total, n, "the visits cannot be made to add up");
        self.visits.reserve(n);
        for (hi, run) in runs.iter().enumerate() {
            for &d in run {
                let v = self.one_visit(rng, hi, d);
                self.visits.push(v);
            }
        }
    }

    /// The members short of time: about one visitor in four (in-service and mobile members
    /// more often than residents; never a compound's grid leader).
    fn stretched_members(&self, rng: &mut Rng) -> Vec<bool> {
        let leaders: Vec<usize> = self.areas.iter().map(|a| a.leader).collect();
        self.members
            .iter()
            .enumerate()
            .map(|(m, member)| {
                let p = [0.18, 0.4, 0.5][member.kind];
                member.visitor && !leaders.contains(&m) && rng.chance(p)
            })
            .collect()
    }

    fn one_visit(&self, rng: &mut Rng, h: usize, day: usize) -> Visit {
        let hh = &self.households[h];
        let member =
            if hh.contacts.len() == 1 || rng.chance(0.7) { hh.contacts[0] } else { rng.pick(&hh.contacts[1..]) };
        let method = if hh.tags & VACANT != 0 {
            1 + rng.weighted(&[70, 30])
        } else {
            rng.weighted(&[[60, 20, 12, 3, 5], [45, 30, 17, 3, 5], [35, 35, 22, 3, 5]][hh.color as usize])
        };
        let mut with = NONE;
        let p_with = if hh.tags & KEY_PERSON != 0 { 0.5 } else { 0.12 };
        if (method == 0 || method == 4) && rng.chance(p_with) {
            let c = rng.pick(&self.areas[hh.area].active) as u32;
            if c != member {
                with = c;
            }
        }
        let (topics, lines) = choose_topics(rng, hh.tags, self.yms[day]);
        Visit {
            day: day as u16,
            member,
            household: h as u32,
            with,
            issue: NONE,
            method: method as u8,
            topics,
            lines,
            prefix: rng.chance(0.5),
        }
    }

    /// A visitor whose households' visits all went to other contacts takes one over.
    fn every_visitor_visits(&mut self) {
        let mut count = vec![0u32; self.members.len()];
        let mut by_household: Vec<Vec<u32>> = vec![Vec::new(); self.households.len()];
        for (i, v) in self.visits.iter().enumerate() {
            count[v.member as usize] += 1;
            by_household[v.household as usize].push(i as u32);
        }
        let mut linked: Vec<Vec<usize>> = vec![Vec::new(); self.members.len()];
        for (h, hh) in self.households.iter().enumerate() {
            hh.contacts.iter().for_each(|&c| linked[c as usize].push(h));
        }
        for m in 0..self.members.len() {
            if !self.members[m].visitor || count[m] > 0 {
                continue;
            }
            let visit = linked[m]
                .iter()
                .flat_map(|&h| by_household[h].iter().copied())
                .find(|&v| count[self.visits[v as usize].member as usize] >= 2);
            let v = &mut self.visits[visit.expect("a visit to take over") as usize];
            count[v.member as usize] -= 1;
            count[m] += 1;
            v.member = m as u32;
            if v.with == m as u32 {
                v.with = NONE;
            }
        }
    }

    /// Resolved problems (their last resolution dated in the right bucket), then open ones.
    fn build_issues(&mut self, rng: &mut Rng) {
        let days = self.days.len() as i64;
        let mut by_day: Vec<Vec<u32>> = vec![Vec::new(); days as usize];
        for (i, v) in self.visits.iter().enumerate() {
            by_day[v.day as usize].push(i as u32);
        }
        let buckets = match self.s.late {
            Some((from, n)) => {
                let cut = (from - self.s.first).num_days();
                vec![(0, cut - 1, self.s.resolved - n), (cut, days - 1, n)]
            }
            None => vec![(0, days - 1, self.s.resolved)],
        };
        for (lo, hi, n) in buckets {
            for _ in 0..n {
                let issue = self.resolved_issue(rng, lo, hi, &by_day);
                self.issues.push(issue);
            }
        }
        for _ in 0..self.s.open {
            let issue = self.open_issue(rng, &by_day);
            self.issues.push(issue);
        }
        self.number_issues();
    }

    fn resolved_issue(&mut self, rng: &mut Rng, lo: i64, hi: i64, by_day: &[Vec<u32>]) -> Issue {
        loop {
            let (kind, urgency) = pick_problem(rng);
            let events = timeline(rng, &PROBLEMS[kind], urgency, true);
            let resolved: Vec<i64> = events.iter().filter(|e| e.action == "resolved").map(|e| e.day).collect();
            let (first, last) = (resolved[0], *resolved.last().unwrap());
            let earliest = last.max(lo + last - first);
            if earliest > hi {
                continue;
            }
            let received = (rng.range(earliest, hi) - last) as usize;
            if in_season(&PROBLEMS[kind], self.yms[received]) {
                return self.place_issue(rng, kind, urgency, received, events, by_day);
            }
        }
    }

    /// Still open at the end: mostly received in the last weeks, with no resolution yet.
    fn open_issue(&mut self, rng: &mut Rng, by_day: &[Vec<u32>]) -> Issue {
        loop {
            let (kind, urgency) = pick_problem(rng);
            let mut events = timeline(rng, &PROBLEMS[kind], urgency, false);
            if rng.chance(0.12) {
                events.clear(); // received, not yet dispatched
            }
            let u = rng.unit();
            let back = ((u * u * 120.0) as usize).min(self.days.len() - 1);
            let received = self.days.len() - 1 - back;
            if in_season(&PROBLEMS[kind], self.yms[received]) {
                return self.place_issue(rng, kind, urgency, received, events, by_day);
            }
        }
    }

    /// Where the problem came from and whom it concerns; a problem raised on a visit is linked to
    /// that visit (same household, same day).
    fn place_issue(
        &mut self,
        rng: &mut Rng,
        kind: usize,
        urgency: usize,
        received: usize,
        mut events: Vec<Event>,
        by_day: &[Vec<u32>],
    ) -> Issue {
        let k = &PROBLEMS[kind];
        let mut source = SOURCES[rng.weighted(&SOURCE_WEIGHTS)];
        let visit = if source == "visit" { self.free_visit(rng, &by_day[received], k) } else { None };
        if source == "visit" && visit.is_none() {
            source = "hotline";
        }
        if k.scope == Scope::Room && matches!(source, "patrol" | "meeting" | "other") {
            source = "walk_in";
        }
        let place = match visit {
            Some(v) => self.visits[v].household as usize,
            None => loop {
                let h = rng.below(self.households.len());
                if self.fits(h, k) {
                    break h;
                }
            },
        };
        let hh = &self.households[place];
        let grid = if k.scope == Scope::Area { self.areas[hh.area].grid } else { hh.building };
        let recorded_by = visit.map_or(self.areas[hh.area].leader, |v| self.visits[v].member as usize);
        if let Some(v) = visit {
            self.visits[v].issue = self.issues.len() as u32;
        }
        let last_day = self.days.len() as i64 - 1;
        events.retain(|e| e.day + received as i64 <= last_day);
        events.iter_mut().for_each(|e| e.day += received as i64);
        let resident = matches!(source, "visit" | "hotline" | "walk_in" | "wechat");
        Issue {
            id: String::new(),
            received,
            kind,
            urgency,
            source,
            place,
            household: resident.then_some(place),
            grid,
            recorded_by,
            events,
        }
    }

    /// Can this household raise this kind of problem (tags, lift, top floor)?
    fn fits(&self, h: usize, k: &ProblemKind) -> bool {
        let hh = &self.households[h];
        let floors = self.grids[hh.building].floors;
        hh.tags & VACANT == 0
            && (k.needs == 0 || hh.tags & k.needs != 0)
            && (!k.lift || floors >= 11)
            && (!k.top_floor || hh.room / 100 == floors)
    }

    fn free_visit(&self, rng: &mut Rng, candidates: &[u32], k: &ProblemKind) -> Option<usize> {
        if candidates.is_empty() {
            return None;
        }
        let start = rng.below(candidates.len());
        (0..candidates.len()).map(|j| candidates[(start + j) % candidates.len()] as usize).find(|&v| {
            let visit = &self.visits[v];
            visit.issue == NONE && self.fits(visit.household as usize, k)
        })
    }

    /// Ids `I-YYYY-NNNN` in order of receipt within each year (five digits past 9,999 a year).
    fn number_issues(&mut self) {
        let mut order: Vec<usize> = (0..self.issues.len()).collect();
        order.sort_by_key(|&i| (self.issues[i].received, i));
        let year = |d: usize| self.yms[d] / 100;
        let mut per_year = std::collections::BTreeMap::new();
        order.iter().for_each(|&i| *per_year.entry(year(self.issues[i].received)).or_insert(0usize) += 1);
        let w = if per_year.values().all(|&n| n <= 9999) { 4 } else { 5 };
        let (mut cur, mut seq) = (0, 0);
        for i in order {
            let y = year(self.issues[i].received);
            if y != cur {
                (cur, seq) = (y, 0);
            }
            seq += 1;
            self.issues[i].id = format!("I-{y}-{seq:0w$}");
        }
    }
}

/// Days between visits for a household, as the demo's gov.yaml says ([`World::write_settings`]):
/// red 30, yellow 90, green 180; a rental household every 90 days and a key person every 30 when
/// shorter; a vacant registration not at all (`None`).
fn interval_days(color: u8, tags: u8) -> Option<u32> {
    if tags & VACANT != 0 {
        return None;
    }
    let mut days = [30, 90, 180][color as usize];
    if tags & KEY_PERSON != 0 {
        days = days.min(30);
    }
    if tags & RENTAL != 0 {
        days = days.min(90);
    }
    Some(days)
}

fn colour_and_tags(rng: &mut Rng) -> (u8, u8) {
    let color = rng.weighted(&[10, 25, 65]) as u8;
    let tags = match color {
        RED => {
            const RED_TAGS: [u8; 6] = [ELDERLY, HARDSHIP, DIBAO, DISABILITY, KEY_PERSON, MINOR];
            let mut t = RED_TAGS[rng.weighted(&[35, 20, 10, 15, 12, 8])];
            if t & (HARDSHIP | MINOR) != 0 && rng.chance(0.6) {
                t |= DIBAO;
            }
            if rng.chance(0.2) {
                t |= RED_TAGS[rng.weighted(&[0, 20, 10, 30, 0, 0])];
            }
            t
        }
        YELLOW => [0, RENTAL, DIBAO, DISABILITY, HARDSHIP][rng.weighted(&[30, 32, 14, 14, 10])],
        _ => [0, RENTAL, VACANT][rng.weighted(&[85, 10, 5])],
    };
    (color, tags)
}

fn choose_topics(rng: &mut Rng, tags: u8, ym: u32) -> ([u8; 2], [u8; 2]) {
    let month_bit = 1u16 << (ym % 100 - 1);
    let mut w: Vec<u32> = TOPICS
        .iter()
        .map(|t| {
            let when = t.months & month_bit != 0 && (t.until == 0 || ym <= t.until);
            let whom = t.tags == 0 || t.tags & tags != 0;
            if when && whom { t.weight } else { 0 }
        })
        .collect();
    let first = rng.weighted(&w);
    let mut topics = [first as u8, NO_TOPIC];
    let mut lines = [rng.below(TOPICS[first].lines.len()) as u8, 0];
    w[first] = 0;
    if rng.chance(0.35) && w.iter().any(|&x| x > 0) {
        let second = rng.weighted(&w);
        topics[1] = second as u8;
        lines[1] = rng.below(TOPICS[second].lines.len()) as u8;
    }
    (topics, lines)
}

fn pick_problem(rng: &mut Rng) -> (usize, usize) {
    let kind = rng.below(PROBLEMS.len());
    let urgency = match PROBLEMS[kind].urgency {
        NORMAL if rng.chance(0.08) => COMPLEX,
        u => u,
    };
    (kind, urgency)
}

fn in_season(k: &ProblemKind, ym: u32) -> bool {
    k.months & (1 << (ym % 100 - 1)) != 0
}

/// A problem's events in days after receipt: dispatch, perhaps a whistle with the departments'
/// reports and progress; if `resolve`, the resolution, the follow-up call and now and then a
/// reopening after an unsatisfied resident.
fn timeline(rng: &mut Rng, k: &ProblemKind, urgency: usize, resolve: bool) -> Vec<Event> {
    let mut ev = Vec::new();
    let dispatched = if urgency == URGENT { 0 } else { rng.range(0, 1) };
    ev.push(Event { by: Some(rng.pick(DISPATCHERS)), ..Event::new(dispatched, "dispatched") });
    let mut t = dispatched;
    if !k.depts.is_empty() && rng.chance([0.3, 0.12, 0.65][urgency]) {
        t += if urgency == URGENT { 0 } else { rng.range(0, 2) };
        let summoned = k.depts[..if k.depts.len() > 1 && rng.chance(0.6) { 2 } else { 1 }].to_vec();
        let mut reports: Vec<(i64, &'static str)> = Vec::new();
        for &d in &summoned {
            if rng.chance(0.93) {
                reports.push((t + rng.range(0, 2), d));
            }
        }
        reports.sort();
        ev.push(Event {
            departments: summoned,
            note: Some("社区吹哨，召集相关部门现场会商"),
            ..Event::new(t, "whistle")
        });
        for (d, dept) in reports {
            ev.push(Event { department: Some(dept), ..Event::new(d, "report") });
            t = t.max(d);
        }
    }
    if rng.chance(if urgency == COMPLEX { 0.7 } else { 0.2 }) {
        t += rng.range(1, 3);
        let notes = if matches!(k.cat, "dispute" | "welfare" | "other") { PROGRESS_TALK } else { PROGRESS_REPAIR };
        ev.push(Event { note: Some(rng.pick(notes)), ..Event::new(t, "progress") });
    }
    if !resolve {
        return ev;
    }
    let due = [1, 7, 15][urgency];
    let took = if rng.chance(0.9) { rng.range(0, due) } else { rng.range(due + 1, due * 2 + 2) };
    t = t.max(dispatched + took);
    ev.push(Event { note: Some(k.note), ..Event::new(t, "resolved") });
    if rng.chance(0.04) {
        return ev; // not yet called back
    }
    t += rng.range(1, 4);
    let satisfaction = ["satisfied", "basic", "unsatisfied", "unreachable"][rng.weighted(&[80, 11, 5, 4])];
    let solved = match satisfaction {
        "unreachable" => None,
        "unsatisfied" => Some(rng.chance(0.3)),
        "basic" => Some(rng.chance(0.9)),
        _ => Some(true),
    };
    let note = (satisfaction == "unreachable").then_some("三次电话回访均未接通");
    ev.push(Event { solved, satisfaction: Some(satisfaction), note, ..Event::new(t, "feedback") });
    if solved == Some(false) && rng.chance(0.7) {
        t += rng.range(0, 2);
        ev.push(Event {
            note: Some("居民反映问题仍未解决，重新派单办理"), ..Event::new(t, "reopened")
        });
        t += rng.range(1, 3);
        ev.push(Event { note: Some("责任单位再次到现场处置"), ..Event::new(t, "progress") });
        t += rng.range(1, 5);
        ev.push(Event { note: Some(k.note), ..Event::new(t, "resolved") });
        t += rng.range(1, 3);
        let satisfaction = ["satisfied", "basic"][rng.weighted(&[70, 30])];
        ev.push(Event { solved: Some(true), satisfaction: Some(satisfaction), ..Event::new(t, "feedback") });
    }
    ev
}

// ───────────────────────────── Figures ─────────────────────────────

/// The report's headline figures, counted over the whole period.
struct Figures {
    visiting_members: usize,
    visits: usize,
    resolved: usize,
    late: usize,
    in_service_registered: usize,
}

/// The status an issue's events lead to, as `gov` computes it.
fn final_status(events: &[Event]) -> &'static str {
    events.iter().fold("received", |s, e| match e.action {
        "resolved" => "resolved",
        "feedback" | "closed" | "duplicate" => "closed",
        "reopened" => "in_progress",
        _ if s == "received" => "in_progress",
        _ => s,
    })
}

impl World {
    fn figures(&self) -> Figures {
        let mut seen = vec![false; self.members.len()];
        self.visits.iter().for_each(|v| seen[v.member as usize] = true);
        let cut = self.s.late.map_or(usize::MAX, |(d, _)| (d - self.s.first).num_days() as usize);
        let resolved: Vec<&Issue> = self
            .issues
            .iter()
            .filter(|i| {
                i.events.iter().any(|e| e.action == "resolved")
                    && matches!(final_status(&i.events), "resolved" | "closed")
            })
            .collect();
        let late = resolved
            .iter()
            .filter(|i| i.events.iter().rev().find(|e| e.action == "resolved").is_some_and(|e| e.day as usize >= cut))
            .count();
        let registered_by = self.s.last;
        Figures {
            visiting_members: seen.iter().filter(|&&s| s).count(),
            visits: self.visits.len(),
            resolved: resolved.len(),
            late,
            in_service_registered: self
                .members
                .iter()
                .filter(|m| m.kind == 1 && m.registered.is_some_and(|d| d <= registered_by))
                .count(),
        }
    }
}

// ───────────────────────────── Writing ─────────────────────────────

/// A CSV cell: quoted only when it must be.
fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")).into() } else { s.into() }
}

fn create(path: &Path) -> Res<BufWriter<File>> {
    Ok(BufWriter::with_capacity(1 << 16, File::create(path)?))
}

impl World {
    fn write(&self, out: &Path, seed: u64, orgs: &Orgs, sv: &Service) -> Res<()> {
        fs::create_dir_all(out.join("visits"))?;
        fs::create_dir_all(out.join("issues"))?;
        self.write_settings(out)?;
        self.write_readme(out, seed)?;
        self.write_grids(out)?;
        self.write_orgs(out, orgs)?;
        self.write_members(out, orgs, sv)?;
        self.write_households(out)?;
        self.write_visits(out)?;
        self.write_issues(out)?;
        if self.s.key == "demo" {
            self.write_meetings(out, orgs, seed)?;
            self.write_strength(out, orgs, seed)?;
        }
        self.write_volunteers(out, sv, orgs)?;
        self.write_activities(out, sv, orgs)
    }

    fn write_settings(&self, out: &Path) -> Res<()> {
        let mut w = create(&out.join("gov.yaml"))?;
        writeln!(
            w,
            "# {} 党员联系户数据：虚构示例，由 examples/generate.rs 生成（--scale {}）",
            self.s.name, self.s.key
        )?;
        writeln!(w, "name: {}\ntown: {}\nlang: zh", self.s.name, self.s.town)?;
        // The rhythm the visits follow (interval_days): published town practice.
        writeln!(w, "visit_interval_days:\n  red: 30\n  yellow: 90\n  green: 180")?;
        writeln!(w, "tag_interval_days:\n  重点人员: 30\n  出租户: 90\n  空挂户: none")?;
        writeln!(w, "issue_due_days:\n  urgent: 1\n  normal: 7\n  complex: 15")?;
        writeln!(w, "departments:")?;
        for d in DEPARTMENTS {
            writeln!(w, "  - {d}")?;
        }
        if self.s.key == "demo" {
            writeln!(w, "\n# 五星支部评定规则：data-template/stars-henan-100.yaml")?;
            w.write_all(Self::stars_block().as_bytes())?;
        }
        Ok(w.flush()?)
    }

    fn write_readme(&self, out: &Path, seed: u64) -> Res<()> {
        let mut w = create(&out.join("README.md"))?;
        writeln!(w, "# {}（虚构示例数据）\n", self.s.name)?;
        writeln!(w, "本文件夹的全部姓名、电话、地址均为虚构，由 `examples/generate.rs` 生成：\n")?;
        writeln!(w, "    cargo run --release --example generate -- --scale {} --out DIR --seed {seed}\n", self.s.key)?;
        writeln!(
            w,
            "All names, phone numbers and addresses here are invented. Period: {} to {}.",
            self.days[0],
            self.days[self.days.len() - 1]
        )?;
        Ok(w.flush()?)
    }

    fn write_grids(&self, out: &Path) -> Res<()> {
        let mut w = create(&out.join("grids.csv"))?;
        writeln!(w, "id,name,level,parent,leader")?;
        for g in &self.grids {
            let parent = g.parent.map_or("", |p| self.grids[p].id.as_str());
            let leader = g.leader.map_or("", |m| self.members[m].id.as_str());
            writeln!(w, "{},{},{},{},{}", g.id, cell(&g.name), g.level, parent, leader)?;
        }
        Ok(w.flush()?)
    }

    /// The community's organisations, derived from what the members already say (no random
    /// draws, so every other figure stays as it was): each community's Party committee led by
    /// its secretary, the branches and grid branches its members belong to, a property company
    /// per compound, the mass organisations, and the units its in-service members come from.
    fn orgs(&self) -> Orgs {
        let mut o = Orgs::default();
        let add = |o: &mut Orgs,
                   name: String,
                   kind: &'static str,
                   parent: Option<usize>,
                   leader: Option<usize>,
                   grids: Vec<usize>| {
            let id = o.list.len();
            o.list.push(Org { name: name.clone(), kind, parent, leader, grids });
            o.by_name.insert(name, id);
            id
        };
        for c in 0..self.s.communities {
            let first = &self.areas[c * self.s.areas];
            let community = self.grids[first.grid].parent.expect("a compound's community");
            let committee = add(
                &mut o,
                format!("{}党委", self.community_name(c)),
                "party_committee",
                None,
                self.grids[community].leader,
                vec![community],
            );
            for m in self.members.iter().filter(|m| self.areas[m.area].community == c) {
                if !o.by_name.contains_key(&m.branch) {
                    let (kind, grids) = if m.kind == 1 { ("grid_branch", vec![m.grid]) } else { ("branch", vec![]) };
                    add(&mut o, m.branch.clone(), kind, Some(committee), None, grids);
                }
            }
            for a in &self.areas[c * self.s.areas..(c + 1) * self.s.areas] {
                let name = format!("{}物业服务中心", self.grids[a.grid].name);
                if !o.by_name.contains_key(&name) {
                    add(&mut o, name, "property", None, None, vec![a.grid]);
                }
            }
            for mass in ["工会", "妇联", "团委"] {
                add(
                    &mut o,
                    format!("{}{mass}", self.community_name(c)),
                    "mass",
                    Some(committee),
                    None,
                    vec![community],
                );
            }
        }
        let mut units: Vec<&str> = self.members.iter().filter_map(|m| m.unit).collect();
        units.sort_unstable();
        units.dedup();
        for unit in units {
            add(&mut o, unit.to_string(), "unit", None, None, vec![]);
        }
        o
    }

    fn write_orgs(&self, out: &Path, orgs: &Orgs) -> Res<()> {
        let mut w = create(&out.join("orgs.csv"))?;
        writeln!(w, "id,name,kind,parent,leader,grids,partner_of")?;
        for (i, org) in orgs.list.iter().enumerate() {
            let parent = org.parent.map_or(String::new(), |p| orgs.id(p));
            let leader = org.leader.map_or("", |m| self.members[m].id.as_str());
            let grids: Vec<&str> = org.grids.iter().map(|&g| self.grids[g].id.as_str()).collect();
            let partner = orgs.partners.get(&i).map_or(String::new(), |&p| orgs.id(p));
            writeln!(
                w,
                "{},{},{},{parent},{leader},{},{partner}",
                orgs.id(i),
                cell(&org.name),
                org.kind,
                grids.join(";")
            )?;
        }
        Ok(w.flush()?)
    }

    fn write_members(&self, out: &Path, orgs: &Orgs, sv: &Service) -> Res<()> {
        let mut w = create(&out.join("members.csv"))?;
        writeln!(
            w,
            "id,name,kind,branch,grid,phone,unit,registered,status,roles,pledge,registered_mode,registered_grid"
        )?;
        for (i, m) in self.members.iter().enumerate() {
            let registered = m.registered.map(|d| d.to_string()).unwrap_or_default();
            // 双报到: how and where an in-service member registered, and their pledge.
            let (mode, pledge, grid) = match sv.dual.get(i).copied().flatten() {
                Some((mode, pledge)) if m.registered.is_some() => {
                    (mode, pledge.unwrap_or(""), self.grids[m.grid].id.as_str())
                }
                _ => ("", "", ""),
            };
            writeln!(
                w,
                "{},{},{},{},{},{},{},{},{},{},{pledge},{mode},{grid}",
                m.id,
                cell(&m.name),
                KINDS[m.kind],
                orgs.id_of(&m.branch),
                self.grids[m.grid].id,
                m.phone,
                m.unit.map_or(String::new(), |u| orgs.id_of(u)),
                registered,
                m.status,
                m.roles.join(";")
            )?;
        }
        Ok(w.flush()?)
    }

    fn address(&self, h: &Household) -> String {
        let b = &self.grids[h.building];
        format!("{}{}号楼{}单元{}室", self.grids[self.areas[h.area].grid].name, b.number, h.unit, h.room)
    }

    fn write_households(&self, out: &Path) -> Res<()> {
        let mut w = create(&out.join("households.csv"))?;
        writeln!(w, "id,address,grid,head,phone,size,color,tags,contacts,since")?;
        for h in &self.households {
            let tags: Vec<&str> = (0..8).filter(|b| h.tags & (1 << b) != 0).map(|b| TAGS[b]).collect();
            let contacts: Vec<&str> = h.contacts.iter().map(|&c| self.members[c as usize].id.as_str()).collect();
            let size = h.size.map(|s| s.to_string()).unwrap_or_default();
            writeln!(
                w,
                "{},{},{},{},{},{},{},{},{},{}",
                h.id,
                cell(&self.address(h)),
                self.grids[h.building].id,
                cell(&h.head),
                h.phone.as_deref().unwrap_or(""),
                size,
                COLORS[h.color as usize],
                tags.join(";"),
                contacts.join(";"),
                h.since.map_or("", |d| self.days[d].as_str())
            )?;
        }
        Ok(w.flush()?)
    }

    /// One file per month, rows by date then household.
    fn write_visits(&self, out: &Path) -> Res<()> {
        let mut months: Vec<u32> = self.yms.clone();
        months.dedup();
        let month_index = |ym: u32| months.binary_search(&ym).expect("a month of the period");
        let mut by_month: Vec<Vec<u32>> = vec![Vec::new(); months.len()];
        for (i, v) in self.visits.iter().enumerate() {
            by_month[month_index(self.yms[v.day as usize])].push(i as u32);
        }
        let mut summary = String::new();
        for (m, rows) in by_month.iter_mut().enumerate() {
            rows.sort_unstable_by_key(|&i| (self.visits[i as usize].day, self.visits[i as usize].household));
            let mut w = create(&out.join("visits").join(format!("{}-{:02}.csv", months[m] / 100, months[m] % 100)))?;
            writeln!(w, "date,member,household,method,summary,topics,with,issues")?;
            for &i in rows.iter() {
                let v = &self.visits[i as usize];
                summary.clear();
                self.summary(v, &mut summary);
                let (topics, sep, more) = match (v.issue, v.topics[1]) {
                    (i, _) if i != NONE => ("诉求收集", "", ""),
                    (_, NO_TOPIC) => (TOPICS[v.topics[0] as usize].name, "", ""),
                    (_, t) => (TOPICS[v.topics[0] as usize].name, ";", TOPICS[t as usize].name),
                };
                let with = if v.with == NONE { "" } else { self.members[v.with as usize].id.as_str() };
                let issue = if v.issue == NONE { "" } else { self.issues[v.issue as usize].id.as_str() };
                writeln!(
                    w,
                    "{},{},{},{},{},{topics}{sep}{more},{with},{issue}",
                    self.days[v.day as usize],
                    self.members[v.member as usize].id,
                    self.households[v.household as usize].id,
                    METHODS[v.method as usize],
                    cell(&summary)
                )?;
            }
            w.flush()?;
        }
        Ok(())
    }

    fn summary(&self, v: &Visit, out: &mut String) {
        if v.prefix || v.issue != NONE {
            out.push_str(METHOD_PREFIX[v.method as usize]);
        }
        if v.issue != NONE {
            let issue = &self.issues[v.issue as usize];
            out.push_str("居民反映");
            out.push_str(&self.title(issue));
            out.push_str("，已登记并上报社区");
            return;
        }
        out.push_str(TOPICS[v.topics[0] as usize].lines[v.lines[0] as usize]);
        if v.topics[1] != NO_TOPIC {
            out.push('；');
            out.push_str(TOPICS[v.topics[1] as usize].lines[v.lines[1] as usize]);
        }
    }

    fn title(&self, issue: &Issue) -> String {
        let k = &PROBLEMS[issue.kind];
        let h = &self.households[issue.place];
        let b = self.grids[h.building].number;
        match k.scope {
            Scope::Room => format!("{b}号楼{}单元{}室{}", h.unit, h.room, k.title),
            Scope::Entrance => format!("{b}号楼{}单元{}", h.unit, k.title),
            Scope::Area => format!("{}{}", self.grids[self.areas[h.area].grid].name, k.title),
        }
    }

    fn write_issues(&self, out: &Path) -> Res<()> {
        let mut year_dirs = std::collections::BTreeSet::new();
        let mut text = String::new();
        for issue in &self.issues {
            let year = self.yms[issue.received] / 100;
            let dir = out.join("issues").join(year.to_string());
            if year_dirs.insert(year) {
                fs::create_dir_all(&dir)?;
            }
            text.clear();
            self.issue_yaml(issue, &mut text);
            fs::write(dir.join(format!("{}.yaml", issue.id)), &text)?;
        }
        Ok(())
    }

    fn issue_yaml(&self, issue: &Issue, s: &mut String) {
        use std::fmt::Write as _;
        let k = &PROBLEMS[issue.kind];
        let said = match issue.source {
            "visit" => "走访时居民反映",
            "patrol" => "网格员巡查发现",
            "meeting" => "居民议事会上提出",
            "other" => "",
            _ => "居民反映",
        };
        let _ = writeln!(s, "id: {}\ntitle: {}\nreceived: {}", issue.id, self.title(issue), self.days[issue.received]);
        let _ = writeln!(s, "category: {}\nurgency: {}\nsource: {}", k.cat, URGENCIES[issue.urgency], issue.source);
        let _ = writeln!(s, "grid: {}", self.grids[issue.grid].id);
        if let Some(h) = issue.household {
            let _ = writeln!(s, "household: {}", self.households[h].id);
        }
        let _ = writeln!(s, "recorded_by: {}\ndescription: {said}{}", self.members[issue.recorded_by].id, k.desc);
        if issue.events.is_empty() {
            return;
        }
        s.push_str("events:\n");
        for e in &issue.events {
            let _ = writeln!(s, "  - date: {}\n    action: {}", self.days[e.day as usize], e.action);
            if let Some(by) = e.by {
                let _ = writeln!(s, "    by: {by}");
            }
            if !e.departments.is_empty() {
                let _ = writeln!(s, "    departments: [{}]", e.departments.join(", "));
            }
            if let Some(d) = e.department {
                let _ = writeln!(s, "    department: {d}");
            }
            if let Some(solved) = e.solved {
                let _ = writeln!(s, "    solved: {solved}");
            }
            if let Some(sat) = e.satisfaction {
                let _ = writeln!(s, "    satisfaction: {sat}");
            }
            if let Some(note) = e.note {
                let _ = writeln!(s, "    note: {note}");
            }
        }
    }
}

// ───────────────────────────── Meetings ─────────────────────────────

/// The meetings' own PRNG stream: drawing from it moves no other record.
const MEETING_STREAM: u64 = 0x4D45_4554_494E_4753;
/// The last day of the demo (the tests' today): no step is dated after it.
const DEMO_END: (i32, u32, u32) = (2022, 12, 31);

/// One meeting of the demo, before it is numbered.
struct MeetingRec {
    date: NaiveDate,
    kind: &'static str,
    topic: String,
    place: Option<&'static str>,
    convened_by: Option<String>,
    chair: Option<String>,
    members: Vec<String>,
    orgs: Vec<String>,
    departments: Vec<&'static str>,
    residents: u32,
    issues: Vec<String>,
    minutes: &'static str,
    decisions: Vec<DecisionRec>,
}

struct DecisionRec {
    text: String,
    owner: String,
    due: NaiveDate,
    /// (date, action, note, reported back)
    steps: Vec<(NaiveDate, &'static str, Option<&'static str>, Option<NaiveDate>)>,
}

impl DecisionRec {
    fn new(text: impl Into<String>, owner: impl Into<String>, due: NaiveDate) -> DecisionRec {
        DecisionRec { text: text.into(), owner: owner.into(), due, steps: Vec::new() }
    }
    fn done(mut self, on: NaiveDate, back: Option<NaiveDate>, note: Option<&'static str>) -> DecisionRec {
        self.steps.push((on, "done", note, back));
        self
    }
    fn progress(mut self, on: NaiveDate, note: &'static str) -> DecisionRec {
        self.steps.push((on, "progress", Some(note), None));
        self
    }
    fn state(&self) -> &'static str {
        self.steps.iter().rev().map(|s| s.1).find(|a| *a != "progress").unwrap_or("open")
    }
}

/// Meeting topics with the texts of their two decisions.
type Topics = &'static [(&'static str, [&'static str; 2])];

/// (topic, decision texts) of the ordinary meetings, by kind.
const CONSULTATIONS: &[(&str, [&str; 2])] = &[
    ("楼道堆物清理协商议事", ["清理楼道杂物，张贴消防安全提示", "建立楼道长巡查制度"]),
    ("老旧小区加装电梯意见征集", ["逐户征求低层住户意见", "联系施工单位出具加装方案"]),
    ("小区停车位划分协商议事", ["重新施划小区停车位", "设置临时停车引导牌"]),
    ("垃圾分类投放点设置协商议事", ["调整垃圾分类投放点位置", "安排志愿者定时督导"]),
    ("广场舞噪音协调议事", ["商定广场舞活动时段和音量", "在广场张贴文明公约"]),
    ("楼顶防水维修资金协商议事", ["申请使用专项维修资金", "公示维修方案和费用"]),
    ("宠物文明饲养公约议事", ["制定小区宠物饲养公约", "设置宠物粪便收集箱"]),
    ("小区充电桩安装协商议事", ["确定充电桩安装位置", "与供电公司对接增容"]),
];
const PROPERTY_TOPICS: &[(&str, [&str; 2])] = &[
    ("物业服务质量评议", ["物业公司公示服务标准和收费明细", "每月开展一次物业服务满意度评议"]),
    ("小区监控设备维修", ["更换损坏监控探头", "监控室实行24小时值守"]),
    ("电梯维保问题会商", ["督促维保单位按期保养电梯", "张贴电梯维保记录"]),
    ("小区绿化养护会商", ["补植枯死绿植", "修剪遮挡路灯的树木"]),
];
const RESIDENT_TOPICS: &[(&str, [&str; 2])] = &[
    ("居民代表会议：社区年度民生实事征集", ["汇总居民提出的民生实事", "报街道纳入年度计划"]),
    ("居民会议：平安社区建设", ["组建夜间巡逻志愿队", "加装单元门禁"]),
];
const OWNER_TOPICS: &[(&str, [&str; 2])] = &[
    ("业主大会：续聘物业服务企业", ["完成物业服务合同续签", "公示业主大会表决结果"]),
    ("业主大会：专项维修资金使用表决", ["公示维修资金使用方案", "组织施工单位进场"]),
];
const JOINT_TOPIC: [&str; 2] = ["相关部门现场会商处置方案", "社区跟踪办理进度并向居民反馈"];

impl World {
    fn day(&self, i: usize) -> NaiveDate {
        NaiveDate::parse_from_str(&self.days[i], "%Y-%m-%d").expect("a generated date")
    }

    /// The heating case, chosen by rule: the first whistled, resolved heating problem of a
    /// whole compound (管网老化), else the first whistled, resolved heating problem.
    fn heating_case(&self) -> Option<usize> {
        let whistled = |i: &Issue| {
            PROBLEMS[i.kind].cat == "heating"
                && i.events.iter().any(|e| e.action == "whistle")
                && i.events.iter().any(|e| e.action == "resolved")
        };
        let area = self.issues.iter().position(|i| whistled(i) && matches!(PROBLEMS[i.kind].scope, Scope::Area));
        area.or_else(|| self.issues.iter().position(whistled))
    }

    /// The demo's meetings: the seed report's cases, the heating problem through three 党建联席
    /// 会议, joint meetings on other whistled problems, and a year of ordinary meetings; drawn
    /// from their own PRNG stream.
    fn meetings(&self, orgs: &Orgs, seed: u64) -> Vec<MeetingRec> {
        let mut rng = Rng(seed ^ MEETING_STREAM);
        let end = date(DEMO_END.0, DEMO_END.1, DEMO_END.2);
        let committee = orgs.list.iter().position(|o| o.kind == "party_committee").expect("a Party committee");
        let committee_id = orgs.id(committee);
        let secretary = orgs.list[committee].leader.map(|m| self.members[m].id.clone());
        let property = |a: usize| orgs.id_of(&format!("{}物业服务中心", self.grids[self.areas[a].grid].name));
        let active: Vec<usize> = (0..self.members.len()).filter(|&m| self.members[m].status == "active").collect();
        let attend = |rng: &mut Rng, n: usize| {
            let mut picked: Vec<String> = Vec::new();
            while picked.len() < n {
                let m = &self.members[active[rng.below(active.len())]].id;
                if !picked.contains(m) {
                    picked.push(m.clone());
                }
            }
            picked.sort();
            picked
        };
        let meeting = |date, kind, topic: &str, residents| MeetingRec {
            date,
            kind,
            topic: topic.to_string(),
            place: Some("社区党群服务中心"),
            convened_by: Some(committee_id.clone()),
            chair: secretary.clone(),
            members: Vec::new(),
            orgs: vec![committee_id.clone()],
            departments: Vec::new(),
            residents,
            issues: Vec::new(),
            minutes: "",
            decisions: Vec::new(),
        };
        let plus = |d: NaiveDate, n: u64| d + Days::new(n);
        let mut out = Vec::new();

        // The seed report's cases, decided and done.
        let d = date(2022, 4, 12);
        let mut m = meeting(d, "consultation", "建业联盟新城四期商铺电动车停放协商议事", 16);
        m.place = Some("建业联盟新城四期商业街");
        m.members = attend(&mut rng, 3);
        m.minutes = "商户、居民和物业现场协商，商定电动车集中停放区域和管理办法";
        m.decisions = vec![
            DecisionRec::new("在商铺后侧划定电动车集中停放区并施划标线", committee_id.clone(), plus(d, 14)).done(
                plus(d, 10),
                Some(plus(d, 11)),
                Some("停放区已施划，可停放80辆"),
            ),
            DecisionRec::new("商户签订门前电动车停放自律公约", committee_id.clone(), plus(d, 10)).done(
                plus(d, 7),
                Some(plus(d, 11)),
                None,
            ),
        ];
        out.push(m);
        let d = date(2022, 5, 18);
        let mut m = meeting(d, "consultation", "博文党群服务中心旁步道打通协商议事", 22);
        m.place = Some("博文党群服务中心");
        m.members = attend(&mut rng, 3);
        m.departments = vec!["城管局"];
        m.minutes = "居民提出步道被围挡阻断，绕行不便；现场商定拆除围挡、打通步道";
        m.decisions = vec![
            DecisionRec::new("拆除博文党群服务中心旁步道围挡，打通步道", "城管局", plus(d, 20))
                .progress(plus(d, 8), "围挡已拆除")
                .done(plus(d, 18), Some(plus(d, 20)), Some("步道已打通")),
            DecisionRec::new("步道铺装并增设照明", "住建局", plus(d, 45)).done(plus(d, 40), Some(plus(d, 42)), None),
        ];
        out.push(m);
        for (d, topic, texts, a) in [
            (
                date(2022, 6, 9),
                "小区绿地提升改造红色物业联席会议",
                ["补植绿地苗木，修复破损草坪", "增设休闲座椅和垃圾桶"],
                1,
            ),
            (
                date(2022, 8, 16),
                "通信基站维修红色物业联席会议",
                ["物业协调运营商维修小区通信基站", "基站周边加装防护围栏"],
                3,
            ),
        ] {
            let mut m = meeting(d, "property_joint", topic, 9);
            let company = property(a.min(self.areas.len() - 1));
            m.orgs.push(company.clone());
            m.members = attend(&mut rng, 2);
            m.minutes = "社区党委、物业企业和居民代表共同商定整改事项";
            m.decisions = vec![
                DecisionRec::new(texts[0], company.clone(), plus(d, 30)).done(plus(d, 25), Some(plus(d, 27)), None),
                DecisionRec::new(texts[1], company, plus(d, 30)).done(plus(d, 28), Some(plus(d, 29)), None),
            ];
            out.push(m);
        }

        // The heating problem: three 党建联席会议 with 城管局, 房产中心 and 信访局, from its
        // whistle until it was resolved.
        let h = self.heating_case().expect("the demo has a whistled heating problem");
        let issue = &self.issues[h];
        let whistle = self.day(issue.events.iter().find(|e| e.action == "whistle").expect("whistled").day as usize);
        let resolved =
            self.day(issue.events.iter().rev().find(|e| e.action == "resolved").expect("resolved").day as usize);
        let span = (resolved - whistle).num_days().max(2) as u64;
        let depts = vec!["城管局", "房产中心", "信访局"];
        let heating_topic = format!("{}联席会议", self.title(issue));
        for (n, (on, texts)) in [
            (whistle, [("房产中心", "排查小区供热管网，确定老化管段"), ("信访局", "接待来访居民，做好解释和情绪疏导")]),
            (
                plus(whistle, span / 2),
                [("城管局", "协调管网施工占道和渣土清运"), ("房产中心", "督促供热企业更换老化管段")],
            ),
            (plus(whistle, span), [("信访局", "逐户回访居民，办结信访事项"), ("城管局", "恢复施工占用的道路和绿地")]),
        ]
        .into_iter()
        .enumerate()
        {
            let mut m = meeting(on, "party_joint", &format!("{heating_topic}（第{}次）", cn_number(n + 1)), 6);
            m.members = attend(&mut rng, 2);
            m.departments = depts.clone();
            m.issues = vec![issue.id.clone()];
            m.minutes =
                ["三部门现场研判，明确各自责任", "通报管网排查结果，部署施工", "施工完成，室温达标，部署回访"][n];
            m.decisions = texts
                .iter()
                .map(|&(owner, text)| {
                    let done = plus(resolved, (n as u64).min(2)).min(end);
                    DecisionRec::new(text, owner, plus(on, 7)).done(
                        done.min(plus(on, 7)).max(on),
                        Some(done.max(on)),
                        None,
                    )
                })
                .collect();
            out.push(m);
        }

        // Joint meetings on other whistled problems: the first of each of four months.
        for month in [4, 7, 9, 11] {
            let Some(i) = self.issues.iter().enumerate().position(|(n, i)| {
                n != h && self.yms[i.received] == 2022 * 100 + month && i.events.iter().any(|e| e.action == "whistle")
            }) else {
                continue;
            };
            let issue = &self.issues[i];
            let w = issue.events.iter().find(|e| e.action == "whistle").expect("whistled");
            let on = self.day(w.day as usize);
            let mut m = meeting(on, "party_joint", &format!("{}联席会议", self.title(issue)), rng.range(2, 8) as u32);
            m.members = attend(&mut rng, 2);
            m.departments = w.departments.clone();
            m.issues = vec![issue.id.clone()];
            m.minutes = "吹哨召集相关部门现场会商";
            m.decisions = self.outcomes(&mut rng, on, &JOINT_TOPIC, &[w.departments[0], &committee_id], end);
            out.push(m);
        }

        // A year of ordinary meetings: a consultation a month, a 红色物业 joint meeting every
        // other month, residents' meetings each quarter and two owners' assemblies.
        for month in 1..=12u32 {
            let mut plan: Vec<(&'static str, Topics)> = vec![("consultation", CONSULTATIONS)];
            if month % 2 == 0 {
                plan.push(("property_joint", PROPERTY_TOPICS));
            }
            if month % 3 == 0 {
                plan.push(("residents", RESIDENT_TOPICS));
            }
            if month == 5 || month == 10 {
                plan.push(("owners", OWNER_TOPICS));
            }
            for (kind, topics) in plan {
                let on = date(2022, month, rng.range(3, 26) as u32);
                let (topic, texts) = topics[rng.below(topics.len())];
                let a = rng.below(self.areas.len());
                let compound = &self.grids[self.areas[a].grid].name;
                let residents = match kind {
                    "residents" => rng.range(25, 60),
                    "owners" => rng.range(40, 120),
                    _ => rng.range(6, 24),
                } as u32;
                let mut m = meeting(on, kind, &format!("{compound}{topic}"), residents);
                let n = rng.below(3) + 2;
                m.members = attend(&mut rng, n);
                let company = property(a);
                if kind != "residents" {
                    m.orgs.push(company.clone());
                }
                m.minutes = "与会人员充分讨论，形成议定事项";
                let owners: [&str; 2] = match kind {
                    "consultation" => [&committee_id, &company],
                    _ => [&company, &committee_id],
                };
                m.decisions = self.outcomes(&mut rng, on, &texts, &owners, end);
                out.push(m);
            }
        }
        out.sort_by_key(|m| m.date);
        out
    }

    /// Decisions with drawn outcomes: most done (some late), some dropped, some still open at
    /// the end of the year, overdue or not yet due.
    fn outcomes(
        &self,
        rng: &mut Rng,
        on: NaiveDate,
        texts: &[&str; 2],
        owners: &[&str; 2],
        end: NaiveDate,
    ) -> Vec<DecisionRec> {
        let n = 1 + usize::from(rng.chance(0.7));
        (0..n)
            .map(|k| {
                let due = on + Days::new(rng.range(10, 40) as u64);
                let d = DecisionRec::new(texts[k], owners[k], due);
                let draw = rng.below(100);
                let step = |late: i64| (due + Days::new(late.max(0) as u64)).max(on + Days::new(1));
                match draw {
                    0..=59 => {
                        let on_day = step(-rng.range(0, 6));
                        if on_day > end {
                            return d.progress(on + Days::new(3), "已启动");
                        }
                        let back = rng.chance(0.75).then(|| (on_day + Days::new(rng.range(0, 3) as u64)).min(end));
                        d.done(on_day, back, None)
                    }
                    60..=74 => {
                        let on_day = step(rng.range(1, 25));
                        if on_day > end {
                            return d.progress(on + Days::new(5), "正在推进");
                        }
                        d.done(on_day, None, Some("超期完成"))
                    }
                    75..=84 => {
                        let mut d = d;
                        d.steps.push(((on + Days::new(6)).min(end), "dropped", Some("经复议不再实施"), None));
                        d
                    }
                    _ if on + Days::new(4) <= end => d.progress(on + Days::new(4), "正在推进"),
                    _ => d,
                }
            })
            .collect()
    }

    fn write_meetings(&self, out: &Path, orgs: &Orgs, seed: u64) -> Res<()> {
        use std::fmt::Write as _;
        let meetings = self.meetings(orgs, seed);
        let end = date(DEMO_END.0, DEMO_END.1, DEMO_END.2);
        // The figures the demo's meetings must show.
        let decisions: Vec<&DecisionRec> = meetings.iter().flat_map(|m| &m.decisions).collect();
        let overdue = decisions.iter().filter(|d| matches!(d.state(), "open") && d.due < end).count();
        let dropped = decisions.iter().filter(|d| d.state() == "dropped").count();
        let heating = self.heating_case().map(|h| &self.issues[h].id);
        let joint = meetings.iter().filter(|m| m.kind == "party_joint" && m.issues.first() == heating).count();
        // The demo's own figures (seed 1); a town's other communities draw other meetings.
        if seed == 1 {
            assert_eq!(meetings.len(), 35, "meetings");
            assert_eq!(joint, 3, "joint meetings on the heating problem");
            assert!(overdue >= 3, "some decisions overdue at the year's end: {overdue}");
            assert!(dropped >= 3, "some decisions dropped: {dropped}");
        }
        assert!(decisions.iter().flat_map(|d| &d.steps).all(|s| s.0 <= end && s.3.is_none_or(|b| b <= end)));
        assert!(meetings.iter().all(|m| m.decisions.iter().all(|d| d.due >= m.date)));
        fs::create_dir_all(out.join("meetings/2022"))?;
        for (n, m) in meetings.iter().enumerate() {
            let id = format!("M-{}-{:04}", m.date.year(), n + 1);
            let mut s = String::new();
            let _ = writeln!(s, "id: {id}\ndate: {}\nkind: {}\ntopic: {}", m.date, m.kind, m.topic);
            if let Some(p) = m.place {
                let _ = writeln!(s, "place: {p}");
            }
            if let Some(o) = &m.convened_by {
                let _ = writeln!(s, "convened_by: {o}");
            }
            if let Some(c) = &m.chair {
                let _ = writeln!(s, "chair: {c}");
            }
            s.push_str("attendees:\n");
            for (key, list) in [("members", &m.members), ("orgs", &m.orgs)] {
                if !list.is_empty() {
                    let _ = writeln!(s, "  {key}: [{}]", list.join(", "));
                }
            }
            if !m.departments.is_empty() {
                let _ = writeln!(s, "  departments: [{}]", m.departments.join(", "));
            }
            let _ = writeln!(s, "  residents: {}", m.residents);
            if !m.issues.is_empty() {
                let _ = writeln!(s, "issues: [{}]", m.issues.join(", "));
            }
            let _ = writeln!(s, "minutes: {}", m.minutes);
            s.push_str("decisions:\n");
            for (k, d) in m.decisions.iter().enumerate() {
                let _ =
                    writeln!(s, "  - no: {}\n    text: {}\n    owner: {}\n    due: {}", k + 1, d.text, d.owner, d.due);
                if d.steps.is_empty() {
                    continue;
                }
                s.push_str("    events:\n");
                for (on, action, note, back) in &d.steps {
                    let _ = write!(s, "      - {{date: {on}, action: {action}");
                    if let Some(b) = back {
                        let _ = write!(s, ", reported_back: {b}");
                    }
                    if let Some(note) = note {
                        let _ = write!(s, ", note: {note}");
                    }
                    s.push_str("}\n");
                }
            }
            fs::write(out.join("meetings/2022").join(format!("{id}.yaml")), s)?;
        }
        Ok(())
    }
}

// ───────────────────────────── Branch strength ─────────────────────────────

/// Branch strength's own PRNG stream (ratings, reviews, projects, reserves): drawing from it
/// moves no other record.
const STRENGTH_STREAM: u64 = 0x5354_5245_4E47_5448;
/// The rating scheme of the demo: the Henan 100-point one shipped in data-template.
const STARS_SCHEME: &str = include_str!("../data-template/stars-henan-100.yaml");
/// The demo's reserve cadres (红色雏雁): the seed report's 20.
const RESERVES: usize = 20;

/// Each star of the shipped scheme: its criteria's ids and maximum points.
const STAR_CRITERIA: &[&[(&str, u32)]] = &[
    &[("party_team", 30), ("party_life", 30), ("party_link", 40)],
    &[("business_jobs", 50), ("business_units", 50)],
    &[("safety_disputes", 50), ("safety_law", 50)],
    &[("civility_service", 50), ("civility_culture", 50)],
    &[("ecology_env", 50), ("ecology_property", 50)],
];
const EVIDENCE: &[&str] = &[
    "三会一课记录完整",
    "联户台账齐全，走访记录可查",
    "开展就业招聘活动",
    "与驻区单位签订共建协议",
    "矛盾纠纷调解台账完整",
    "开展法治宣传进楼栋",
    "志愿服务常态开展",
    "文明家庭评选有记录",
    "环境整治有照片和台账",
    "红色物业联席会议按月召开",
];
const TRAININGS: &[&str] =
    &["基层治理实务", "群众工作方法", "网格员业务培训", "党史学习教育", "矛盾纠纷调解", "社区工作者能力提升"];

impl World {
    /// The `stars:` block of gov.yaml: the shipped scheme's, comments and all.
    fn stars_block() -> &'static str {
        STARS_SCHEME.find("\nstars:").map_or("", |i| &STARS_SCHEME[i + 1..])
    }

    /// Splits a star's points over its criteria in proportion to their maximum points.
    fn split(points: u32, criteria: &[(&str, u32)]) -> Vec<u32> {
        let max: u32 = criteria.iter().map(|c| c.1).sum();
        let mut out: Vec<u32> = criteria.iter().map(|c| points * c.1 / max).collect();
        let mut left = points - out.iter().sum::<u32>();
        for k in (0..criteria.len()).cycle().take(criteria.len() * 4) {
            if left > 0 && out[k] < criteria[k].1 {
                out[k] += 1;
                left -= 1;
            }
        }
        out
    }

    /// The demo's branch strength: every branch rated for 2022 (one five-star branch, the others
    /// three or four stars), a review for every member, two secretaries' projects (one done and
    /// shared as a template), and 20 reserve cadres; from their own PRNG stream.
    fn write_strength(&self, out: &Path, orgs: &Orgs, seed: u64) -> Res<()> {
        use std::fmt::Write as _;
        let mut rng = Rng(seed ^ STRENGTH_STREAM);
        let town_office = format!("{}党委组织办", self.s.town);
        let branches: Vec<usize> =
            (0..orgs.list.len()).filter(|&i| matches!(orgs.list[i].kind, "branch" | "grid_branch")).collect();
        assert!(branches.len() >= 3, "branches to rate");

        // Ratings: the first branch five stars, the others three or four, both at least once.
        let mut stars = vec![5usize];
        stars.extend((1..branches.len()).map(|k| {
            if k == 1 {
                4
            } else if k == 2 {
                3
            } else {
                3 + rng.below(2)
            }
        }));
        let mut s = String::from("# 2022 年度五星支部评定（百分制：单星 80 分得星，五星须总分 450 分）\n");
        let mut totals = Vec::new();
        for (&b, &want) in branches.iter().zip(&stars) {
            let mut missed: Vec<usize> = (0..5).collect();
            rng.shuffle(&mut missed);
            missed.truncate(5 - want);
            let _ = writeln!(s, "- branch: {}\n  year: 2022\n  date: 2022-12-20\n  rater: {town_office}", orgs.id(b));
            if want == 5 {
                let _ = writeln!(s, "  innovation: 楼栋议事厅“有事好商量”");
            }
            s.push_str("  scores:\n");
            let mut total = 0;
            for (k, criteria) in STAR_CRITERIA.iter().enumerate() {
                let points = match (want, missed.contains(&k)) {
                    (5, _) => rng.range(90, 98),
                    (_, true) => rng.range(68, 79),
                    _ => rng.range(80, 95),
                } as u32;
                total += points;
                for (c, p) in criteria.iter().zip(Self::split(points, criteria)) {
                    let _ = write!(s, "    - {{criterion: {}, score: {p}", c.0);
                    if rng.chance(0.3) {
                        let _ = write!(s, ", evidence: {}", rng.pick(EVIDENCE));
                    }
                    s.push_str("}\n");
                }
            }
            totals.push(total);
        }
        assert!(totals[0] >= 450 && stars[0] == 5, "one five-star branch");
        assert_eq!(stars.iter().filter(|&&n| n == 5).count(), 1, "one five-star branch");
        assert!(stars[1..].iter().all(|&n| n == 3 || n == 4), "the others three or four stars");
        fs::create_dir_all(out.join("ratings"))?;
        fs::write(out.join("ratings/2022.yaml"), s)?;

        // Reviews: every member, most qualified, a few excellent; 失联 members not qualified.
        let mut s = String::from("member,year,grade,note\n");
        for m in &self.members {
            let (grade, note) = match m.status {
                "inactive" => ("unqualified", "长期失联，未参加组织生活"),
                "transferred" => ("qualified", "年内转出"),
                _ => match rng.weighted(&[28, 68, 4]) {
                    0 => ("excellent", if m.visitor { "带头联户，走访记录齐全" } else { "积极参加组织生活" }),
                    1 => ("qualified", ""),
                    _ => ("basically_qualified", "参加组织生活不够经常"),
                },
            };
            let _ = writeln!(s, "{},2022,{grade},{note}", m.id);
        }
        assert_eq!(s.lines().count(), self.members.len() + 1, "a review for every member");
        fs::create_dir_all(out.join("reviews"))?;
        fs::write(out.join("reviews/2022.csv"), s)?;

        // Two secretaries' projects: the five-star branch's done and shared, another in progress.
        let lead = |b: usize| {
            let name = &orgs.list[b].name;
            let m = self.members.iter().position(|m| &m.branch == name && m.status == "active").expect("a member");
            self.members[m].id.clone()
        };
        let s = format!(
            "- id: P-2022-01\n  branch: {}\n  lead: {}\n  topic: 老旧小区加装电梯\n  goal: 年内完成两部电梯加装并投入使用\n  start: 2022-03-01\n  due: 2022-10-31\n  events:\n    - {{date: 2022-04-15, action: milestone, note: 完成逐户意见征集}}\n    - {{date: 2022-06-20, action: progress, note: 施工方案公示}}\n    - {{date: 2022-09-28, action: done, note: 两部电梯通过验收投入使用}}\n    - {{date: 2022-11-10, action: shared_as_template, note: 镇党委推广“书记领办、居民议事、分户出资”做法}}\n- id: P-2022-02\n  branch: {}\n  lead: {}\n  topic: 小区停车难治理\n  goal: 新增停车位 60 个，规范电动车停放\n  start: 2022-05-01\n  due: 2023-04-30\n  events:\n    - {{date: 2022-06-10, action: progress, note: 摸排车位和车辆}}\n    - {{date: 2022-09-15, action: milestone, note: 完成停车位施划方案}}\n",
            orgs.id(branches[0]),
            lead(branches[0]),
            orgs.id(branches[1]),
            lead(branches[1]),
        );
        fs::write(out.join("projects.yaml"), s)?;

        // 20 reserve cadres in training, mentored by active members.
        let active: Vec<&Member> = self.members.iter().filter(|m| m.status == "active").collect();
        let buildings: Vec<usize> = (0..self.grids.len()).filter(|&g| self.grids[g].level == 3).collect();
        let mut s = String::new();
        for n in 0..RESERVES {
            let born = date(rng.range(1988, 2001) as i32, rng.range(1, 12) as u32, rng.range(1, 28) as u32);
            let gender = if rng.chance(0.55) { "female" } else { "male" };
            let education = ["postgraduate", "bachelor", "college", "secondary"][rng.weighted(&[2, 11, 6, 1])];
            let status = ["member", "probationary", "activist", "masses"][rng.weighted(&[8, 3, 6, 3])];
            let b = branches[rng.below(branches.len())];
            let mentor = active[rng.below(active.len())];
            let since = date(rng.range(2020, 2022) as i32, rng.range(1, 12) as u32, 1);
            let _ = writeln!(
                s,
                "- id: R{:04}\n  name: {}\n  born: {born}\n  gender: {gender}\n  education: {education}\n  political_status: {status}\n  grid: {}\n  org: {}\n  mentor: {}\n  since: {since}\n  status: training",
                n + 1,
                person_name(&mut rng),
                self.grids[buildings[rng.below(buildings.len())]].id,
                orgs.id(b),
                mentor.id,
            );
            let k = rng.range(1, 3) as usize;
            let mut months: Vec<u32> = (3..=11).collect();
            rng.shuffle(&mut months);
            let mut months = months[..k].to_vec();
            months.sort_unstable();
            s.push_str("  trainings:\n");
            for mo in months {
                let _ = writeln!(s, "    - {{date: {}, topic: {}}}", date(2022, mo, 15), rng.pick(TRAININGS));
            }
        }
        assert_eq!(s.matches("\n- id: R").count() + 1, RESERVES, "20 reserve cadres");
        fs::write(out.join("reserves.yaml"), s)?;
        Ok(())
    }
}

// ───────────────────────────── Main ─────────────────────────────

struct Args {
    scale: Scale,
    out: PathBuf,
    seed: u64,
    force: bool,
}

fn parse_args() -> Result<Args, String> {
    let (mut scale, mut out, mut seed, mut force) = (None, None, 1, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("`{arg}` needs a value\n{USAGE}"));
        match arg.as_str() {
            "--scale" => {
                let v = value()?;
                // `town` is the demo's community twenty times over, in folders of their own.
                let key = if v == "town" { "demo" } else { v.as_str() };
                let mut s = self::scale(key).ok_or(format!("unknown scale `{v}`\n{USAGE}"))?;
                if v == "town" {
                    s.key = "town";
                }
                scale = Some(s);
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|_| format!("--seed takes a whole number\n{USAGE}"))?,
            "--force" => force = true,
            "-h" | "--help" => return Err(USAGE.into()),
            _ => return Err(format!("unknown argument `{arg}`\n{USAGE}")),
        }
    }
    Ok(Args { scale: scale.ok_or(USAGE)?, out: out.ok_or(USAGE)?, seed, force })
}

/// The output folder must be new or empty, or a data folder replaced with `--force`.
fn prepare(out: &Path, force: bool) -> Res<()> {
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        if !(force && out.join("gov.yaml").is_file()) {
            return Err(format!(
                "{} is not empty; pass --force to replace a data folder (one holding gov.yaml)",
                out.display()
            )
            .into());
        }
        fs::remove_dir_all(out)?;
    }
    Ok(fs::create_dir_all(out)?)
}

/// How many communities `--scale town` makes.
const TOWN_COMMUNITIES: usize = 20;

fn run(args: Args) -> Res<()> {
    if args.scale.key != "town" {
        return community(args);
    }
    let started = Instant::now();
    prepare(&args.out, args.force)?;
    let demo = args.scale;
    let mut w = create(&args.out.join("gov.yaml"))?;
    writeln!(w, "# {}：{TOWN_COMMUNITIES} 个社区，虚构示例，由 examples/generate.rs 生成（--scale town）", demo.town)?;
    writeln!(w, "kind: town\nname: {}\nlang: zh\ncommunities:\n  - c*", demo.town)?;
    w.flush()?;
    for (i, &name) in COMMUNITIES.iter().take(TOWN_COMMUNITIES).enumerate() {
        let s = Scale { name, key: "demo", ..demo };
        let out = args.out.join(format!("c{:02}", i + 1));
        community(Args { scale: s, out, seed: args.seed + i as u64, force: false })?;
    }
    println!("wrote the town {} ({TOWN_COMMUNITIES} communities) in {:.1?}", args.out.display(), started.elapsed());
    Ok(())
}

fn community(args: Args) -> Res<()> {
    let started = Instant::now();
    let s = args.scale;
    let mut rng = Rng(args.seed);
    let mut world = World::new(s);
    world.build_grids(&mut rng);
    world.build_households(&mut rng);
    world.build_members(&mut rng);
    world.link_contacts(&mut rng);
    // The visits draw from a stream of their own (issue 14's schedule).
    world.schedule_visits(&mut Rng(args.seed ^ 0x1400_C010_5CED));
    world.every_visitor_visits();
    world.build_issues(&mut rng);

    let f = world.figures();
    let visitors: usize = s.visitors.iter().sum();
    assert_eq!(f.visiting_members, visitors, "members who visited");
    assert_eq!(f.visits, s.visits, "visits");
    assert_eq!(f.resolved, s.resolved, "problems resolved");
    if let Some((_, late)) = s.late {
        assert_eq!(f.late, late, "problems resolved late in the year");
    }
    assert!(f.in_service_registered > 500, "in-service members registered");
    let mut orgs = world.orgs();
    let service_orgs = world.service_orgs(&mut orgs);
    let sv = world.build_service(args.seed, service_orgs.as_ref());
    let youth = sv.volunteers.iter().filter(|v| v.kind == "youth").count();
    if let Some((_, late)) = s.late {
        assert_eq!(sv.solved_late, late, "problems solved by in-service members late in the year");
        assert!(youth > 300, "youth volunteers");
    }

    prepare(&args.out, args.force)?;
    world.write(&args.out, args.seed, &orgs, &sv)?;
    let (from, to) = (&world.days[0], &world.days[world.days.len() - 1]);
    println!("wrote {} ({} scale, seed {}) in {:.1?}", args.out.display(), s.key, args.seed, started.elapsed());
    println!(
        "  {} grids, {} members, {} households, {} visits, {} issues",
        world.grids.len(),
        world.members.len(),
        world.households.len(),
        world.visits.len(),
        world.issues.len()
    );
    println!("figures for {from} to {to}:");
    println!("  members who made visits:       {}", f.visiting_members);
    println!("  visits (contacts):             {}", f.visits);
    println!("  problems resolved:             {}", f.resolved);
    if let Some((d, _)) = s.late {
        println!("  ... of them resolved from {d}: {}", f.late);
    }
    println!("  in-service members registered: {}", f.in_service_registered);
    if let Some((d, _)) = s.late {
        println!("  solved by in-service members from {d}: {}", sv.solved_late);
        println!("  youth volunteers: {youth}; activities: {}", sv.activities.len());
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().map_err(Into::into).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}

// ───────────────────────────── Service (issue 15) ─────────────────────────────
//
// In-service members' service (双报到), volunteers and aid, for the demo only, drawn from a PRNG
// stream of their own so that no existing record moves: each in-service member's registration
// mode, grid and pledge; more than 300 youth volunteers; a year of activities; the 清凉夏日 aid
// reaching 7 poor women and children with quilts, fans and steamers. The problems in-service
// members solve from the late date (2022-10-01) are chosen by rule from the world's problems:
// every problem resolved in that range (a `resolved` event dated in it, as gov counts) that an
// in-service member did not record is named by an activity of in-service members on the day
// it was resolved, in its grid; `gov stats` then counts exactly `late` of them (docs/metrics.md).

/// The PRNG stream of the service records.
const SERVICE_STREAM: u64 = 0x15_5E_4B_1C_E0_15;
const PLEDGES: &[&str] = &[
    "每月到社区报到服务不少于一次",
    "结对帮扶一户困难家庭",
    "参与楼院环境整治",
    "参加疫情防控卡点值守",
    "为居民开展政策宣讲",
    "帮助独居老人代购代办",
    "参与矛盾纠纷调解",
];
const YOUTH_SKILLS: &[&str] = &["急救", "摄影", "文艺", "信息录入", "心理疏导", "外语"];

/// One activity of the generated folder.
struct Act {
    day: usize,
    kind: &'static str,
    title: &'static str,
    orgs: Vec<usize>,
    grid: Option<usize>,
    members: Vec<(usize, u32)>,
    hours: Option<u32>,
    volunteers: Vec<usize>,
    others: u32,
    households: Vec<usize>,
    beneficiaries: Vec<(&'static str, u32)>,
    items: Vec<(&'static str, u32)>,
    issues: Vec<usize>,
}

/// One volunteer of the generated folder.
struct Vol {
    name: String,
    kind: &'static str,
    org: usize,
    grid: usize,
    phone: String,
    registered: usize,
    skill: &'static str,
}

/// The service records of the demo.
#[derive(Default)]
struct Service {
    /// Per member: (registration mode, pledge), for in-service members.
    dual: Vec<Option<(&'static str, Option<&'static str>)>>,
    volunteers: Vec<Vol>,
    activities: Vec<Act>,
    /// Problems resolved from the late date that in-service members solved.
    solved_late: usize,
}

/// The orgs the service records name, found or added by [`World::service_orgs`].
struct ServiceOrgs {
    committee: usize,
    partner: usize,
    union: usize,
    women: usize,
    youth: usize,
}

impl World {
    /// The organisations the seed names, after those [`World::orgs`] derives (their ids follow):
    /// 博文社区党支部 and its partner 万谷机械有限公司党支部 (支部联建), the 区总工会 (found among the
    /// units when members work there), 区妇联 and 镇团委, an owners' committee and a 自管会 for the
    /// 无主管楼院. Demo only.
    fn service_orgs(&self, o: &mut Orgs) -> Option<ServiceOrgs> {
        self.s.late?;
        let committee = o.by_name[&format!("{}党委", self.community_name(0))];
        let add = |o: &mut Orgs, name: &str, kind: &'static str, parent: Option<usize>, grids: Vec<usize>| {
            if let Some(&i) = o.by_name.get(name) {
                return i;
            }
            let id = o.list.len();
            o.list.push(Org { name: name.to_string(), kind, parent, leader: None, grids });
            o.by_name.insert(name.to_string(), id);
            id
        };
        let bowen = add(o, "博文社区党支部", "branch", Some(committee), vec![]);
        let partner = add(o, "万谷机械有限公司党支部", "partner", None, vec![]);
        o.partners.insert(partner, bowen);
        let union = add(o, "区总工会", "mass", None, vec![]);
        let women = add(o, "区妇联", "mass", None, vec![]);
        let youth = add(o, "镇团委", "mass", None, vec![]);
        let first = self.areas[0].grid;
        add(o, &format!("{}业主委员会", self.grids[first].name), "owners_committee", None, vec![first]);
        let last = self.areas[self.areas.len() - 1].grid;
        add(o, "无主管楼院自管会", "self_management", Some(committee), vec![last]);
        Some(ServiceOrgs { committee, partner, union, women, youth })
    }

    /// The day index of `d` in the period.
    fn day_of(&self, d: NaiveDate) -> usize {
        (d - self.s.first).num_days() as usize
    }

    /// In-service members' registration details, volunteers and a year of activities (demo
    /// only; empty otherwise).
    fn build_service(&self, seed: u64, so: Option<&ServiceOrgs>) -> Service {
        let Some(so) = so else { return Service::default() };
        let Some((late, _)) = self.s.late else { return Service::default() };
        let mut rng = Rng(seed ^ SERVICE_STREAM);
        let mut sv = Service::default();
        let in_service: Vec<usize> = (0..self.members.len())
            .filter(|&m| self.members[m].kind == 1 && self.members[m].status == "active")
            .collect();
        sv.dual = self
            .members
            .iter()
            .map(|m| {
                (m.kind == 1).then(|| {
                    let mode = if rng.chance(0.7) { "online" } else { "offline" };
                    (mode, rng.chance(0.85).then(|| rng.pick(PLEDGES)))
                })
            })
            .collect();
        // Volunteers: 320 youth of the 镇团委, 40 residents; registered through the year.
        let n_days = self.days.len();
        for i in 0..360 {
            let youth = i < 320;
            let area = rng.below(self.areas.len());
            sv.volunteers.push(Vol {
                name: person_name(&mut rng),
                kind: if youth { "youth" } else { "resident" },
                org: so.youth,
                grid: self.areas[area].grid,
                phone: mobile(&mut rng),
                registered: rng.below(n_days),
                skill: if youth && rng.chance(0.3) { rng.pick(YOUTH_SKILLS) } else { "" },
            });
        }
        let by_grid =
            |g: usize| -> Vec<usize> { in_service.iter().copied().filter(|&m| self.members[m].grid == g).collect() };
        let pick_n = |rng: &mut Rng, from: &[usize], n: usize| -> Vec<usize> {
            let mut v = from.to_vec();
            rng.shuffle(&mut v);
            v.truncate(n);
            v.sort_unstable();
            v
        };
        // The problems solved from the late date: of those resolved in the range, the ones an
        // in-service member recorded, then the first of the others in id order up to `late`,
        // each named by an activity of its compound's in-service members on the day it was
        // resolved (one activity per day and compound).
        let cut = self.day_of(late);
        let target = self.s.late.map_or(0, |(_, n)| n);
        let area_of = |g: usize| self.areas.iter().map(|a| a.grid).find(|&a| a == g || self.within(g, a));
        let mut linked: Vec<(usize, usize, usize)> = Vec::new(); // day, compound grid, issue
        for (i, issue) in self.issues.iter().enumerate() {
            let resolved = issue.events.iter().find(|e| e.action == "resolved" && e.day as usize >= cut);
            if let Some(e) = resolved {
                if self.members[issue.recorded_by].kind == 1 {
                    sv.solved_late += 1;
                } else {
                    linked.push((e.day as usize, area_of(issue.grid).unwrap_or(issue.grid), i));
                }
            }
        }
        linked.sort_by(|a, b| self.issues[a.2].id.cmp(&self.issues[b.2].id));
        linked.truncate(target.saturating_sub(sv.solved_late));
        linked.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| self.issues[a.2].id.cmp(&self.issues[b.2].id)));
        sv.solved_late += linked.len();
        let mut k = 0;
        while k < linked.len() {
            let (day, grid, _) = linked[k];
            let mut issues = Vec::new();
            while k < linked.len() && linked[k].0 == day && linked[k].1 == grid {
                issues.push(linked[k].2);
                k += 1;
            }
            // The compound's in-service members, else any.
            let pool = Some(by_grid(grid)).filter(|p| !p.is_empty()).unwrap_or_else(|| in_service.clone());
            let n = 2 + rng.below(3);
            let members = pick_n(&mut rng, &pool, n).into_iter().map(|m| (m, 2 + rng.below(3) as u32)).collect();
            let title = rng.pick(&["在职党员下沉网格解民忧", "双报到党员入户办实事", "在职党员协助解决居民诉求"]);
            sv.activities.push(Act {
                day,
                kind: "dual_report",
                title,
                orgs: vec![so.committee],
                grid: Some(grid),
                members,
                hours: None,
                volunteers: vec![],
                others: 0,
                households: issues.iter().filter_map(|&i| self.issues[i].household).collect(),
                beneficiaries: vec![],
                items: vec![],
                issues,
            });
        }
        // A year of activities without problems: monthly 双报到 service in each compound,
        // epidemic control from the late date, publicity, youth volunteering, the partner
        // branch, the 爱心驿站.
        let youth: Vec<usize> = (0..sv.volunteers.len()).filter(|&v| sv.volunteers[v].kind == "youth").collect();
        let all_vols: Vec<usize> = (0..sv.volunteers.len()).collect();
        for month in 1..=12u32 {
            let first = self.day_of(date(2022, month, 1));
            let day_in = |rng: &mut Rng| first + rng.below(28);
            for a in 0..self.areas.len() {
                let g = self.areas[a].grid;
                let pool = by_grid(g);
                if pool.is_empty() {
                    continue;
                }
                let n = 6 + rng.below(10);
                sv.activities.push(Act {
                    day: day_in(&mut rng),
                    kind: "dual_report",
                    title: rng.pick(&["楼院环境整治", "亮身份作承诺主题党日", "为民服务办实事", "文明创建志愿服务"]),
                    orgs: vec![so.committee],
                    grid: Some(g),
                    members: pick_n(&mut rng, &pool, n).into_iter().map(|m| (m, 0)).collect(),
                    hours: Some(2 + rng.below(2) as u32),
                    volunteers: vec![],
                    others: 0,
                    households: vec![],
                    beneficiaries: vec![],
                    items: vec![],
                    issues: vec![],
                });
            }
            let registered = |v: usize, day: usize| sv.volunteers[v].registered <= day;
            let day = day_in(&mut rng);
            let vols: Vec<usize> = youth.iter().copied().filter(|&v| registered(v, day)).collect();
            let n = (vols.len() / 3).min(60);
            sv.activities.push(Act {
                day,
                kind: "volunteer",
                title: rng.pick(&["团员青年志愿服务日", "青年突击队清扫楼道", "青春助老志愿活动"]),
                orgs: vec![so.youth, so.committee],
                grid: None,
                members: vec![],
                hours: Some(3),
                volunteers: pick_n(&mut rng, &vols, n),
                others: 0,
                households: vec![],
                beneficiaries: vec![],
                items: vec![],
                issues: vec![],
            });
            let day = day_in(&mut rng);
            let vols: Vec<usize> = all_vols.iter().copied().filter(|&v| registered(v, day)).collect();
            let n = vols.len().min(8);
            sv.activities.push(Act {
                day,
                kind: "publicity",
                title: if month % 2 == 0 { "防范电信诈骗宣传" } else { "人居环境整治宣传" },
                orgs: vec![so.committee],
                grid: None,
                members: pick_n(&mut rng, &in_service, 4).into_iter().map(|m| (m, 0)).collect(),
                hours: Some(2),
                volunteers: pick_n(&mut rng, &vols, n),
                others: 10 + rng.below(30) as u32,
                households: vec![],
                beneficiaries: vec![],
                items: vec![],
                issues: vec![],
            });
            sv.activities.push(Act {
                day: day_in(&mut rng),
                kind: "care",
                title: "爱心驿站服务户外劳动者",
                orgs: vec![so.union, so.committee],
                grid: None,
                members: vec![],
                hours: Some(2),
                volunteers: pick_n(&mut rng, &all_vols, 3),
                others: 0,
                households: vec![],
                beneficiaries: vec![("外卖员", 10 + rng.below(20) as u32)],
                items: vec![("矿泉水", 50 + 10 * rng.below(6) as u32)],
                issues: vec![],
            });
            if month % 3 == 0 {
                sv.activities.push(Act {
                    day: day_in(&mut rng),
                    kind: "partner",
                    title: "支部联建共建活动",
                    orgs: vec![so.partner, so.committee],
                    grid: None,
                    members: pick_n(&mut rng, &in_service, 5).into_iter().map(|m| (m, 0)).collect(),
                    hours: Some(3),
                    volunteers: vec![],
                    others: 8,
                    households: vec![],
                    beneficiaries: vec![],
                    items: vec![],
                    issues: vec![],
                });
            }
        }
        // Epidemic control from the late date: a checkpoint, testing or supplies most days.
        for day in cut..n_days {
            if !rng.chance(0.4) {
                continue;
            }
            let title = rng.pick(&["卡点值守", "核酸检测秩序维护", "物资保供"]);
            let n = 4 + rng.below(8);
            sv.activities.push(Act {
                day,
                kind: "epidemic",
                title,
                orgs: vec![so.committee],
                grid: None,
                members: pick_n(&mut rng, &in_service, n).into_iter().map(|m| (m, 0)).collect(),
                hours: Some(4),
                volunteers: vec![],
                others: 0,
                households: vec![],
                beneficiaries: vec![],
                items: vec![],
                issues: vec![],
            });
        }
        // 清凉夏日: love packages for 7 poor women and children (4 and 3), in July.
        let mut poor: Vec<usize> =
            (0..self.households.len()).filter(|&h| self.households[h].tags & (HARDSHIP | MINOR) != 0).collect();
        rng.shuffle(&mut poor);
        poor.truncate(7);
        poor.sort_unstable();
        sv.activities.push(Act {
            day: self.day_of(date(2022, 7, 15)),
            kind: "aid",
            title: "清凉夏日爱心包发放",
            orgs: vec![so.women, so.union, so.committee],
            grid: None,
            members: pick_n(&mut rng, &in_service, 3).into_iter().map(|m| (m, 0)).collect(),
            hours: Some(3),
            volunteers: pick_n(&mut rng, &youth, 6),
            others: 0,
            households: poor,
            beneficiaries: vec![("困难妇女", 4), ("困境儿童", 3)],
            items: vec![("夏凉被", 7), ("电风扇", 7), ("蒸锅", 7)],
            issues: vec![],
        });
        sv.activities.sort_by_key(|a| a.day);
        sv
    }

    /// Is grid `g` inside grid `ancestor`?
    fn within(&self, mut g: usize, ancestor: usize) -> bool {
        while let Some(p) = self.grids[g].parent {
            if p == ancestor {
                return true;
            }
            g = p;
        }
        false
    }

    fn write_volunteers(&self, out: &Path, sv: &Service, orgs: &Orgs) -> Res<()> {
        if sv.volunteers.is_empty() {
            return Ok(());
        }
        let mut w = create(&out.join("volunteers.csv"))?;
        writeln!(w, "id,name,kind,org,grid,phone,registered,status,skills")?;
        for (i, v) in sv.volunteers.iter().enumerate() {
            writeln!(
                w,
                "Y{:04},{},{},{},{},{},{},active,{}",
                i + 1,
                cell(&v.name),
                v.kind,
                orgs.id(v.org),
                self.grids[v.grid].id,
                v.phone,
                self.days[v.registered],
                v.skill
            )?;
        }
        Ok(w.flush()?)
    }

    fn write_activities(&self, out: &Path, sv: &Service, orgs: &Orgs) -> Res<()> {
        if sv.activities.is_empty() {
            return Ok(());
        }
        fs::create_dir_all(out.join("activities"))?;
        let mut files: Vec<(u32, String)> = Vec::new();
        for (i, a) in sv.activities.iter().enumerate() {
            let ym = self.yms[a.day];
            if files.last().is_none_or(|f| f.0 != ym) {
                files.push((ym, String::new()));
            }
            let s = &mut files.last_mut().expect("a month").1;
            use std::fmt::Write as _;
            let _ = writeln!(
                s,
                "- id: A{:04}\n  date: {}\n  kind: {}\n  title: {}",
                i + 1,
                self.days[a.day],
                a.kind,
                a.title
            );
            let list = |xs: Vec<String>| format!("[{}]", xs.join(", "));
            let _ = writeln!(s, "  orgs: {}", list(a.orgs.iter().map(|&o| orgs.id(o)).collect()));
            if let Some(g) = a.grid {
                let _ = writeln!(s, "  grid: {}", self.grids[g].id);
            }
            if !a.members.is_empty() {
                let ms = a.members.iter().map(|&(m, h)| {
                    let id = &self.members[m].id;
                    if h > 0 { format!("{id}:{h}") } else { id.clone() }
                });
                let _ = writeln!(s, "  members: {}", list(ms.collect()));
            }
            if let Some(h) = a.hours {
                let _ = writeln!(s, "  hours: {h}");
            }
            if !a.volunteers.is_empty() {
                let _ = writeln!(
                    s,
                    "  volunteers: {}",
                    list(a.volunteers.iter().map(|v| format!("Y{:04}", v + 1)).collect())
                );
            }
            if a.others > 0 {
                let _ = writeln!(s, "  others: {}", a.others);
            }
            if !a.households.is_empty() {
                let _ = writeln!(
                    s,
                    "  households: {}",
                    list(a.households.iter().map(|&h| self.households[h].id.clone()).collect())
                );
            }
            if !a.beneficiaries.is_empty() {
                s.push_str("  beneficiaries:\n");
                for (t, n) in &a.beneficiaries {
                    let _ = writeln!(s, "    - {{type: {t}, count: {n}}}");
                }
            }
            if !a.items.is_empty() {
                s.push_str("  items:\n");
                for (t, n) in &a.items {
                    let _ = writeln!(s, "    - {{item: {t}, quantity: {n}}}");
                }
            }
            if !a.issues.is_empty() {
                let _ =
                    writeln!(s, "  issues: {}", list(a.issues.iter().map(|&i| self.issues[i].id.clone()).collect()));
            }
        }
        for (ym, text) in files {
            fs::write(out.join("activities").join(format!("{}-{:02}.yaml", ym / 100, ym % 100)), text)?;
        }
        Ok(())
    }
}

//! Enums whose values are written in English in files, accepted as their Chinese label too, and
//! shown in the configured language. One macro defines them all so every enum parses, lists its
//! allowed values and labels itself the same way. Pure; no I/O.

/// The language of reports and labels, and of every message ([`crate::text`]).
pub use crate::text::Lang;

/// An enum with a file code, a Chinese label and an English label.
pub trait Labelled: Sized + Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// What the field is called in messages ("visit method").
    const WHAT: &'static str;
    /// The same in Chinese messages ("走访方式").
    const WHAT_ZH: &'static str;
    fn code(self) -> &'static str;
    fn zh(self) -> &'static str;
    fn en(self) -> &'static str;
    /// Further spellings accepted on input (e.g. `红色` for `red`).
    fn aliases(self) -> &'static [&'static str];

    fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    /// Parses a file value: the English code (any case), the Chinese label or an alias.
    fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL.iter().copied().find(|v| v.code().eq_ignore_ascii_case(s) || v.zh() == s || v.aliases().contains(&s))
    }

    /// The allowed values for a hint: `home (入户), phone (电话), …`.
    fn allowed() -> String {
        Self::ALL.iter().map(|v| format!("{} ({})", v.code(), v.zh())).collect::<Vec<_>>().join(", ")
    }
}

macro_rules! labelled {
    ($(#[$meta:meta])* $name:ident, $what:literal / $what_zh:literal {
        $($(#[$vmeta:meta])* $variant:ident = $code:literal, $zh:literal, $en:literal $(, [$($alias:literal),*])?;)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),* }

        impl $crate::model::labels::Labelled for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            const WHAT: &'static str = $what;
            const WHAT_ZH: &'static str = $what_zh;
            fn code(self) -> &'static str { match self { $($name::$variant => $code),* } }
            fn zh(self) -> &'static str { match self { $($name::$variant => $zh),* } }
            fn en(self) -> &'static str { match self { $($name::$variant => $en),* } }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($($alias),*)?]),* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::labels::Labelled::code(*self))
            }
        }
    };
}

labelled! {
    /// 党员类别: what kind of party member.
    MemberKind, "member kind" / "党员类别" {
        /// 社区党员: a member whose organisational relation is in the community.
        Resident = "resident", "社区党员", "resident";
        /// 在职党员: an in-service member who registered with the community (双报到).
        InService = "in_service", "在职党员", "in-service", ["在职"];
        /// 流动党员: a mobile member.
        Mobile = "mobile", "流动党员", "mobile", ["流动"];
    }
}

labelled! {
    /// Whether a member is still on the community's books.
    MemberStatus, "member status" / "党员状态" {
        Active = "active", "正常", "active", ["在册"];
        Transferred = "transferred", "已转出", "transferred", ["转出"];
        Inactive = "inactive", "失联", "inactive", ["不活跃"];
        Deceased = "deceased", "已故", "deceased", ["去世"];
    }
}

labelled! {
    /// 三色管理: how much attention a household needs.
    Color, "colour" / "颜色" {
        Red = "red", "红", "red", ["红色"];
        Yellow = "yellow", "黄", "yellow", ["黄色"];
        Green = "green", "绿", "green", ["绿色"];
    }
}

labelled! {
    /// Household tags seen in practice.
    HouseholdTag, "household tag" / "住户标签" {
        ElderlyAlone = "elderly_alone", "独居老人", "elderly living alone";
        Hardship = "hardship", "困难家庭", "hardship";
        Dibao = "dibao", "低保", "minimum living allowance", ["低保户"];
        Disability = "disability", "残疾", "disability", ["残疾人"];
        KeyPerson = "key_person", "重点人员", "key person";
        Rental = "rental", "出租户", "rental";
        MinorCare = "minor_care", "困境儿童", "children in difficulty";
        Vacant = "vacant", "空挂户", "registered but vacant";
    }
}

labelled! {
    /// 走访方式: how a visit was made.
    VisitMethod, "visit method" / "走访方式" {
        Home = "home", "入户", "home visit", ["入户走访"];
        Phone = "phone", "电话", "phone", ["电话走访"];
        Wechat = "wechat", "微信", "WeChat";
        Video = "video", "视频", "video";
        Group = "group", "集中走访", "group visit";
    }
}

labelled! {
    /// 诉求类别: built-in problem categories (gov.yaml may add more).
    IssueCategory, "issue category" / "诉求类别" {
        Heating = "heating", "供暖", "heating";
        Water = "water", "用水", "water";
        Power = "power", "用电", "power";
        Property = "property", "物业", "property management";
        Sanitation = "sanitation", "环境卫生", "sanitation";
        Infrastructure = "infrastructure", "市政设施", "infrastructure";
        Dispute = "dispute", "矛盾纠纷", "dispute";
        Safety = "safety", "安全隐患", "safety hazard";
        Welfare = "welfare", "社会保障", "social welfare";
        Other = "other", "其他", "other";
    }
}

labelled! {
    /// How soon a problem must be dealt with; sets its due date.
    Urgency, "urgency" / "紧急程度" {
        Urgent = "urgent", "紧急", "urgent";
        Normal = "normal", "一般", "normal";
        Complex = "complex", "复杂", "complex";
    }
}

labelled! {
    /// Where a problem came from.
    IssueSource, "issue source" / "诉求来源" {
        Visit = "visit", "走访发现", "visit", ["走访"];
        Patrol = "patrol", "巡查", "patrol";
        Hotline = "hotline", "热线", "hotline", ["12345热线"];
        WalkIn = "walk_in", "来访", "walk-in";
        Wechat = "wechat", "微信", "WeChat";
        Meeting = "meeting", "会议", "meeting", ["议事会"];
        Other = "other", "其他", "other";
    }
}

labelled! {
    /// One step in a problem's life.
    Action, "event action" / "事件类型" {
        Dispatched = "dispatched", "派单", "dispatched";
        /// 吹哨: the community summons departments.
        Whistle = "whistle", "吹哨", "whistle";
        /// 报到: a summoned department reports.
        Report = "report", "报到", "report";
        Progress = "progress", "进展", "progress";
        Resolved = "resolved", "办结", "resolved";
        /// 回访: follow-up call with the resident's verdict.
        Feedback = "feedback", "回访", "feedback";
        Reopened = "reopened", "重办", "reopened";
        Duplicate = "duplicate", "重复", "duplicate";
        Closed = "closed", "结案", "closed", ["关闭"];
    }
}

labelled! {
    /// The resident's verdict at follow-up.
    Satisfaction, "satisfaction" / "满意程度" {
        Satisfied = "satisfied", "满意", "satisfied";
        Basic = "basic", "基本满意", "basically satisfied";
        Unsatisfied = "unsatisfied", "不满意", "unsatisfied";
        Unreachable = "unreachable", "未回访", "unreachable", ["联系不上"];
    }
}

/// For kinds whose module defines enums of their own (`OrgKind`).
pub(crate) use labelled;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_enum_accepts_code_and_chinese_label() {
        fn roundtrip<E: Labelled + PartialEq + std::fmt::Debug>() {
            for &v in E::ALL {
                assert_eq!(E::parse(v.code()), Some(v), "{}", v.code());
                assert_eq!(E::parse(&v.code().to_uppercase()), Some(v));
                assert_eq!(E::parse(v.zh()), Some(v), "{}", v.zh());
                assert_eq!(E::parse(&format!(" {} ", v.zh())), Some(v));
                for a in v.aliases() {
                    assert_eq!(E::parse(a), Some(v), "{a}");
                }
            }
            assert_eq!(E::parse("no-such-value"), None);
            assert_eq!(E::parse(""), None);
        }
        roundtrip::<MemberKind>();
        roundtrip::<MemberStatus>();
        roundtrip::<Color>();
        roundtrip::<HouseholdTag>();
        roundtrip::<VisitMethod>();
        roundtrip::<IssueCategory>();
        roundtrip::<Urgency>();
        roundtrip::<IssueSource>();
        roundtrip::<Action>();
        roundtrip::<Satisfaction>();
    }

    #[test]
    fn named_chinese_aliases() {
        assert_eq!(VisitMethod::parse("入户"), Some(VisitMethod::Home));
        assert_eq!(Color::parse("红"), Some(Color::Red));
        assert_eq!(Action::parse("吹哨"), Some(Action::Whistle));
        assert_eq!(MemberKind::parse("在职党员"), Some(MemberKind::InService));
        assert_eq!(Satisfaction::parse("基本满意"), Some(Satisfaction::Basic));
    }

    #[test]
    fn allowed_lists_code_and_label() {
        assert_eq!(Color::allowed(), "red (红), yellow (黄), green (绿)");
    }
}

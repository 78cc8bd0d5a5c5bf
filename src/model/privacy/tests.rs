//! The masking corpus: strings written by hand, each with what masking must make of it.
//! Leaks first, by kind, then keepers that must come back unchanged (and borrowed).

use super::*;

const LEAKS: &[(&str, &str)] = &[
    // Mobiles, every typed form.
    ("13812345678", "138****5678"),
    ("电话13812345678", "电话138****5678"),
    ("联系电话：13700001111。", "联系电话：137****1111。"),
    ("１３７００００１１１１", "137****1111"),
    ("手机１３７００００１１１１找她", "手机137****1111找她"),
    ("138-1234-5678", "138****5678"),
    ("138 1234 5678", "138****5678"),
    ("138.1234.5678", "138****5678"),
    ("138　1234　5678", "138****5678"),
    ("１３８－１２３４－５６７８", "138****5678"),
    ("１３８．１２３４．５６７８", "138****5678"),
    ("+8613812345678", "+86138****5678"),
    ("+86 138 1234 5678", "+86138****5678"),
    ("+86-138-1234-5678", "+86138****5678"),
    ("＋８６１３８１２３４５６７８", "+86138****5678"),
    ("008613812345678", "0086138****5678"),
    ("0086 138 1234 5678", "0086138****5678"),
    ("8613812345678", "86138****5678"),
    ("(13812345678)", "(138****5678)"),
    ("（13812345678）", "（138****5678）"),
    ("[13812345678]", "[138****5678]"),
    ("【13812345678】", "【138****5678】"),
    ("找王阿姨13912345678或儿子15098765432", "找王阿姨139****5678或儿子150****5432"),
    ("19912345678", "199****5678"),
    ("16612345678", "166****5678"),
    ("17712345678", "177****5678"),
    ("14512345678", "145****5678"),
    ("1381234 5678", "138****5678"),
    ("138 - 1234 - 5678", "138****5678"),
    ("tel:13812345678", "tel:138****5678"),
    ("Phone 138-1234-5678.", "Phone 138****5678."),
    ("13812345678，13987654321", "138****5678，139****4321"),
    ("13812345678/13987654321", "138****5678/139****4321"),
    ("2022-10-05 13812345678", "2022-10-05 138****5678"),
    ("回访13812345678 5次", "回访138****5678 5次"),
    ("他的号码是138 1234 5678请回电", "他的号码是138****5678请回电"),
    // Landlines with an area code.
    ("0371-66781234", "0371-****1234"),
    ("(0371)66781234", "0371-****1234"),
    ("（0371）66781234", "0371-****1234"),
    ("0371 6678 1234", "0371-****1234"),
    ("0371 66781234", "0371-****1234"),
    ("037166781234", "0371-****1234"),
    ("010-12345678", "010-****5678"),
    ("(010) 12345678", "010-****5678"),
    ("021-87654321", "021-****4321"),
    ("0571-8888888", "0571-***8888"),
    ("０３７１－６６７８１２３４", "0371-****1234"),
    ("物业电话0371-66781234（24小时）", "物业电话0371-****1234（24小时）"),
    ("居委会（0371）66781234转8", "居委会0371-****1234转8"),
    ("座机010 1234 5678", "座机010-****5678"),
    ("0755.12345678", "0755-****5678"),
    // ID numbers, 18 and 15 digits.
    ("11010519491231002X", "110105********002X"),
    ("11010519491231002x", "110105********002X"),
    ("110105194912310021", "110105********0021"),
    ("身份证号110105194912310021。", "身份证号110105********0021。"),
    ("１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),
    ("110105 19491231 002X", "110105********002X"),
    ("110105-19491231-002X", "110105********002X"),
    ("110105 1949 1231 002X", "110105********002X"),
    ("身份证：410102198503151234，已核实", "身份证：410102********1234，已核实"),
    ("110105491231002", "110105******002"),
    ("老身份证410102850315123", "老身份证410102******123"),
    ("证件号 11010519491231002X 有误", "证件号 110105********002X 有误"),
    ("11010519491231002X13812345678", "110105********002X138****5678"),
    // Bank cards that pass the Luhn check.
    ("6222021234567890128", "6222***********0128"),
    ("4111111111111111", "4111********1111"),
    ("4111 1111 1111 1111", "4111********1111"),
    ("4111-1111-1111-1111", "4111********1111"),
    ("卡号6222 0212 3456 7890 128", "卡号6222***********0128"),
    ("５５５５５５５５５５５５４４４４", "5555********4444"),
    ("低保卡 6217000010001234569 已发", "低保卡 6217***********4569 已发"),
    ("4000000000000002", "4000********0002"),
    ("62220212345678903", "6222*********8903"),
    // Long runs that are none of the kinds are masked too.
    ("138123456789", "138*****6789"),
    ("4111111111111112", "411*********1112"),
    // A flat's layout reads as a room number: masked, harmlessly.
    ("2室1厅", "*室1厅"),
    ("1234567890123", "123******0123"),
    ("编号12345678901234567890", "编号123*************7890"),
    // Door and room numbers.
    ("101室", "***室"),
    ("１０１室", "***室"),
    ("1单元101", "1单元***"),
    ("101号房", "***号房"),
    ("3号楼2单元301室", "3号楼2单元***室"),
    ("阳光新村1号楼1单元502室", "阳光新村1号楼1单元***室"),
    ("4号楼1单元501室屋顶漏雨", "4号楼1单元***室屋顶漏雨"),
    ("5号楼1单元1201室", "5号楼1单元****室"),
    ("３号楼２单元３０１室", "３号楼２单元***室"),
    ("2单元-302", "2单元-***"),
    ("6号楼3单元1102", "6号楼3单元****"),
    ("住在601室的老人", "住在***室的老人"),
    ("幸福里3号楼2单元301室，电话13812345678", "幸福里3号楼2单元***室，电话138****5678"),
    ("3-2-301室漏水", "3-2-***室漏水"),
    ("7栋502号房", "7栋***号房"),
    ("联系电话13812345678，3室", "联系电话138****5678，*室"),
    ("302室和303室", "***室和***室"),
    ("1单元１０２", "1单元***"),
    ("楼上1102室渗水到1002室", "楼上****室渗水到****室"),
    (
        "3号楼2单元301室 13812345678 0371-66781234 11010519491231002X",
        "3号楼2单元***室 138****5678 0371-****1234 110105********002X",
    ),
];

/// Must come back exactly as they are.
const KEEPERS: &[&str] = &[
    "12345热线",
    "12345热线转来",
    "拨打12345反映",
    "110报警",
    "119",
    "120急救",
    "2022年10月5日",
    "2022年10月05日上午",
    "2022-10-05",
    "2022/10/05",
    "2022.10.05",
    "20221005",
    "2022-10",
    "2022-12-10 走访",
    "10月5日",
    "5420次",
    "走访5,420次",
    "282名党员",
    "623个问题",
    "500+在职党员",
    "137个问题自10月以来解决",
    "3号楼2单元",
    "3号楼",
    "2单元3楼",
    "2单元5层",
    "12号楼3单元",
    "5栋2单元",
    "邮编450000",
    "450000",
    "100101",
    "1,200元",
    "350.50元",
    "12,345.67元",
    "补助1200元",
    "¥3,000",
    "I-2022-0041",
    "H00001",
    "M0001",
    "G-01-01-01",
    "O0002",
    "H00123 M0456",
    "visits/2022-10.csv:3",
    "households.csv:12:5",
    "第3次回访",
    "共3户",
    "走访了5户",
    "年满80岁",
    "85岁独居老人",
    "面积85.5平方米",
    "温度-5度",
    "24小时",
    "1.5万元",
    "0.5",
    "3.14159",
    "第1季度",
    "12:30",
    "08:00-17:30",
    "2022-10-05 08:30",
    "版本1.2.3",
    "1234567",
    "12345678",
    "1234567890",
    "平房区",
    "没有数字的文字",
    "",
    "   ",
    "回访满意",
    "Grid G-01 has 12 households",
    "5,420 contacts",
    "50%",
    "82.5%",
    "合计 1,234",
    "2024-01-05 2024-03-01",
    "0",
    "00",
    "3号楼2单元住户反映",
    "1单元楼道灯坏了",
    "共计1,800户",
    "幸福路12号院",
];

#[test]
fn leaks_are_masked() {
    let mut wrong = Vec::new();
    for (input, expected) in LEAKS {
        let got = mask_text(input);
        if got != *expected {
            wrong.push(format!("{input:?}: got {got:?}, want {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), LEAKS.len(), wrong.join("\n"));
}

#[test]
fn keepers_stay_borrowed() {
    let mut wrong = Vec::new();
    for input in KEEPERS {
        match mask_text(input) {
            Cow::Borrowed(s) if s == *input => {}
            other => wrong.push(format!("{input:?}: got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), KEEPERS.len(), wrong.join("\n"));
}

#[test]
fn the_corpus_is_big_enough() {
    assert!(LEAKS.len() + KEEPERS.len() >= 150, "{}", LEAKS.len() + KEEPERS.len());
}

#[test]
fn masking_twice_changes_nothing_more() {
    for (input, _) in LEAKS {
        let once = mask_text(input).into_owned();
        assert_eq!(mask_text(&once), once, "{input}");
    }
}

#[test]
fn fields() {
    assert_eq!(mask_address("3号楼101"), "3号楼***");
    assert_eq!(mask_address("幸福里小区3号楼2单元301室"), "幸福里小区3号楼2单元***室");
    assert_eq!(mask_address("平房区"), "平房区");
    assert_eq!(mask_address("３号楼１０１"), "３号楼***");
    assert_eq!(mask_phone_field("138 1234 5678"), "138****5678");
    assert_eq!(mask_phone_field("1381234567"), "13****67");
    assert_eq!(mask_phone_field(""), "");
    assert_eq!(shown("13812345678", true), "13812345678");
    assert_eq!(shown("13812345678", false), "138****5678");
}

mod generated {
    //! A generated mobile or ID number, typed in a generated form, inside generated Chinese
    //! text, never survives masking: neither whole nor any seven of its digits in a row, in
    //! ASCII or full-width, with or without separators.

    use proptest::prelude::*;

    use super::mask_text;

    fn mobile() -> impl Strategy<Value = String> {
        (3u8..=9, proptest::collection::vec(0u8..=9, 9))
            .prop_map(|(second, rest)| format!("1{second}{}", rest.iter().map(|d| d.to_string()).collect::<String>()))
    }

    fn id_number() -> impl Strategy<Value = String> {
        (proptest::collection::vec(0u8..=9, 17), any::<bool>()).prop_map(|(d, x)| {
            let mut s: String = d.iter().map(|d| d.to_string()).collect();
            s.push_str(if x { "X" } else { "7" });
            s
        })
    }

    fn typed(number: &str, form: u8, full_width: bool) -> String {
        let digits: Vec<char> = number.chars().collect();
        let groups: Vec<String> = if digits.len() == 11 {
            vec![digits[..3].iter().collect(), digits[3..7].iter().collect(), digits[7..].iter().collect()]
        } else {
            vec![digits[..6].iter().collect(), digits[6..14].iter().collect(), digits[14..].iter().collect()]
        };
        let s = match form {
            0 => number.to_string(),
            1 => groups.join("-"),
            2 => groups.join(" "),
            3 => groups.join("."),
            4 if digits.len() == 11 => format!("+86{number}"),
            5 if digits.len() == 11 => format!("+86 {}", groups.join(" ")),
            6 if digits.len() == 11 => format!("0086{number}"),
            7 => format!("（{number}）"),
            8 => groups.join("　"),
            _ => format!("({number})"),
        };
        if full_width { to_full_width(&s) } else { s }
    }

    fn to_full_width(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
                'X' => 'Ｘ',
                '-' => '－',
                '+' => '＋',
                other => other,
            })
            .collect()
    }

    fn chinese() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('\u{4E00}', '\u{9FA5}').prop_map(String::from),
                Just("，".to_string()),
                Just("。".to_string()),
                Just("：".to_string()),
                Just(" ".to_string()),
                Just("电话".to_string()),
                Just("身份证号".to_string()),
                Just("a".to_string()),
            ],
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    /// The output's digits in ASCII with everything else left as a break, so runs across
    /// separators are seen too.
    fn digit_runs(s: &str) -> String {
        s.chars()
            .filter_map(|c| match c {
                '0'..='9' => Some(c),
                '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
                ' ' | '\u{3000}' | '-' | '－' | '.' | '．' | '(' | ')' | '（' | '）' | '+' | '＋' => None,
                _ => Some('|'),
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn numbers_never_survive(
            number in prop_oneof![mobile(), id_number()],
            form in 0u8..10,
            full_width in any::<bool>(),
            before in chinese(),
            after in chinese(),
        ) {
            let text = format!("{before}{}{after}", typed(&number, form, full_width));
            let out = mask_text(&text).into_owned();
            let runs = digit_runs(&out);
            let plain: String = number.chars().filter(char::is_ascii_digit).collect();
            prop_assert!(!runs.contains(&plain), "{text:?} → {out:?}");
            for w in plain.as_bytes().windows(7) {
                let w = std::str::from_utf8(w).unwrap();
                prop_assert!(!runs.contains(w), "{text:?} → {out:?} keeps {w}");
            }
        }
    }
}

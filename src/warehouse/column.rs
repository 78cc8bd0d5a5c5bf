//! One Parquet file as columns: a [`Table`] is built column by column from iterators over the
//! records (text, enum codes with their Chinese labels, dates, integers, yes/no, decimals, lists
//! of text), each column declared with its Parquet type, and written with the `parquet` crate's
//! low-level column writers (no Arrow). Every column is OPTIONAL, so the schema of a table never
//! depends on the data in it. Pure but for [`Table::write`], which writes the one file it is given.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use crate::model::labels::Labelled;
use crate::model::privacy;

/// The values of one column, one entry per row (`None` is NULL).
enum Data {
    Text(Vec<Option<String>>),
    Date(Vec<Option<i32>>),
    Int32(Vec<Option<i32>>),
    Int64(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
    Double(Vec<Option<f64>>),
    /// A LIST of text: each row a list (never NULL; empty when the record has none).
    TextList(Vec<Vec<String>>),
}

struct Column {
    name: String,
    data: Data,
}

/// A table being built: its name (`members`) and columns of equal length.
pub struct Table {
    pub name: &'static str,
    rows: usize,
    columns: Vec<Column>,
}

/// Days since 1970-01-01: Parquet's DATE.
pub fn days(d: NaiveDate) -> i32 {
    const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
    (d - EPOCH).num_days() as i32
}

impl Table {
    pub fn new(name: &'static str, rows: usize) -> Table {
        Table { name, rows, columns: Vec::new() }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Masks every text cell the way reports mask free text ([`privacy::mask_text`]): a phone or
    /// an ID number written into a name, a work unit or a department is never written whole,
    /// whichever column it was typed into. Cells already masked are left as they are.
    pub fn mask_all_text(&mut self) {
        let mask = |s: &mut String| {
            if let std::borrow::Cow::Owned(m) = privacy::mask_text(s) {
                *s = m;
            }
        };
        for c in &mut self.columns {
            match &mut c.data {
                Data::Text(v) => v.iter_mut().flatten().for_each(mask),
                Data::TextList(v) => v.iter_mut().flatten().for_each(mask),
                _ => {}
            }
        }
    }

    fn push(&mut self, name: impl Into<String>, data: Data) -> &mut Self {
        self.columns.push(Column { name: name.into(), data });
        self
    }

    /// A text column (UTF8).
    pub fn text<S: Into<String>>(&mut self, name: &str, values: impl Iterator<Item = Option<S>>) -> &mut Self {
        self.push(name, Data::Text(values.map(|v| v.map(Into::into)).collect()))
    }

    /// A built-in enum: its code in `name`, and its Chinese label in `name_label_zh`.
    pub fn code<E: Labelled>(&mut self, name: &str, values: impl Iterator<Item = Option<E>>) -> &mut Self {
        let values: Vec<Option<E>> = values.collect();
        self.push(name, Data::Text(values.iter().map(|v| v.map(|e| e.code().to_string())).collect()));
        self.push(
            format!("{name}_label_zh"),
            Data::Text(values.iter().map(|v| v.map(|e| e.zh().to_string())).collect()),
        )
    }

    /// An enum that gov.yaml may extend (issue categories, meeting and activity kinds): the code,
    /// or the custom value's own name, and the Chinese label (the custom name again).
    pub fn code_or_custom(&mut self, name: &str, values: impl Iterator<Item = Option<(String, String)>>) -> &mut Self {
        let (codes, labels): (Vec<_>, Vec<_>) =
            values.map(|v| v.map(|(c, l)| (Some(c), Some(l))).unwrap_or_default()).unzip();
        self.push(name, Data::Text(codes));
        self.push(format!("{name}_label_zh"), Data::Text(labels))
    }

    /// A list of built-in enum values: their codes, and their Chinese labels beside.
    pub fn code_list<E: Labelled, I: IntoIterator<Item = E>>(
        &mut self,
        name: &str,
        values: impl Iterator<Item = I>,
    ) -> &mut Self {
        let values: Vec<Vec<E>> = values.map(|v| v.into_iter().collect()).collect();
        let codes = values.iter().map(|v| v.iter().map(|e| e.code().to_string()).collect()).collect();
        let labels = values.iter().map(|v| v.iter().map(|e| e.zh().to_string()).collect()).collect();
        self.push(name, Data::TextList(codes));
        self.push(format!("{name}_label_zh"), Data::TextList(labels))
    }

    /// A DATE column.
    pub fn date(&mut self, name: &str, values: impl Iterator<Item = Option<NaiveDate>>) -> &mut Self {
        self.push(name, Data::Date(values.map(|v| v.map(days)).collect()))
    }

    pub fn int32(&mut self, name: &str, values: impl Iterator<Item = Option<i32>>) -> &mut Self {
        self.push(name, Data::Int32(values.collect()))
    }

    pub fn int64(&mut self, name: &str, values: impl Iterator<Item = Option<i64>>) -> &mut Self {
        self.push(name, Data::Int64(values.collect()))
    }

    pub fn bool(&mut self, name: &str, values: impl Iterator<Item = Option<bool>>) -> &mut Self {
        self.push(name, Data::Bool(values.collect()))
    }

    pub fn double(&mut self, name: &str, values: impl Iterator<Item = Option<f64>>) -> &mut Self {
        self.push(name, Data::Double(values.collect()))
    }

    /// A LIST of text.
    pub fn text_list<S: Into<String>, I: IntoIterator<Item = S>>(
        &mut self,
        name: &str,
        values: impl Iterator<Item = I>,
    ) -> &mut Self {
        self.push(name, Data::TextList(values.map(|v| v.into_iter().map(Into::into).collect()).collect()))
    }

    /// The Parquet schema: every column OPTIONAL, lists as the standard three-level LIST.
    pub fn schema(&self) -> parquet::errors::Result<Type> {
        let mut fields = Vec::new();
        for c in &self.columns {
            let prim = |p: Physical, l: Option<LogicalType>, name: &str, rep: Repetition| {
                Type::primitive_type_builder(name, p).with_logical_type(l).with_repetition(rep).build()
            };
            let opt = Repetition::OPTIONAL;
            let t = match c.data {
                Data::Text(_) => prim(Physical::BYTE_ARRAY, Some(LogicalType::String), &c.name, opt)?,
                Data::Date(_) => prim(Physical::INT32, Some(LogicalType::Date), &c.name, opt)?,
                Data::Int32(_) => prim(Physical::INT32, None, &c.name, opt)?,
                Data::Int64(_) => prim(Physical::INT64, None, &c.name, opt)?,
                Data::Bool(_) => prim(Physical::BOOLEAN, None, &c.name, opt)?,
                Data::Double(_) => prim(Physical::DOUBLE, None, &c.name, opt)?,
                Data::TextList(_) => {
                    let element = prim(Physical::BYTE_ARRAY, Some(LogicalType::String), "element", opt)?;
                    let list = Type::group_type_builder("list")
                        .with_repetition(Repetition::REPEATED)
                        .with_fields(vec![Arc::new(element)])
                        .build()?;
                    Type::group_type_builder(&c.name)
                        .with_repetition(opt)
                        .with_logical_type(Some(LogicalType::List))
                        .with_fields(vec![Arc::new(list)])
                        .build()?
                }
            };
            fields.push(Arc::new(t));
        }
        Type::group_type_builder("schema").with_fields(fields).build()
    }

    /// Writes the table as one Parquet file at `path` (one row group, Snappy pages).
    pub fn write(&self, path: &Path) -> parquet::errors::Result<()> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(concat!("gov ", env!("CARGO_PKG_VERSION")).to_string())
            .build();
        let file = BufWriter::new(File::create(path)?);
        let mut w = SerializedFileWriter::new(file, Arc::new(self.schema()?), Arc::new(props))?;
        let mut rg = w.next_row_group()?;
        let mut columns = self.columns.iter();
        while let Some(mut cw) = rg.next_column()? {
            let c = columns.next().expect("one writer per column");
            match &c.data {
                Data::Text(v) => {
                    let (vals, defs) = flat(v, |s: &String| ByteArray::from(s.as_str()));
                    cw.typed::<ByteArrayType>().write_batch(&vals, Some(&defs), None)?;
                }
                Data::Date(v) | Data::Int32(v) => {
                    let (vals, defs) = flat(v, |&x| x);
                    cw.typed::<Int32Type>().write_batch(&vals, Some(&defs), None)?;
                }
                Data::Int64(v) => {
                    let (vals, defs) = flat(v, |&x| x);
                    cw.typed::<Int64Type>().write_batch(&vals, Some(&defs), None)?;
                }
                Data::Bool(v) => {
                    let (vals, defs) = flat(v, |&x| x);
                    cw.typed::<BoolType>().write_batch(&vals, Some(&defs), None)?;
                }
                Data::Double(v) => {
                    let (vals, defs) = flat(v, |&x| x);
                    cw.typed::<DoubleType>().write_batch(&vals, Some(&defs), None)?;
                }
                Data::TextList(v) => {
                    // Levels of `optional group (LIST) { repeated group list { optional element } }`:
                    // definition 1 is an empty list, 3 an element; repetition 1 continues a row's list.
                    let (mut vals, mut defs, mut reps) = (Vec::new(), Vec::new(), Vec::new());
                    for row in v {
                        if row.is_empty() {
                            defs.push(1);
                            reps.push(0);
                        }
                        for (i, s) in row.iter().enumerate() {
                            vals.push(ByteArray::from(s.as_str()));
                            defs.push(3);
                            reps.push(i16::from(i > 0));
                        }
                    }
                    cw.typed::<ByteArrayType>().write_batch(&vals, Some(&defs), Some(&reps))?;
                }
            }
            cw.close()?;
        }
        rg.close()?;
        // On disk before the dataset is renamed into place.
        let file = w.into_inner()?.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(())
    }
}

/// The present values and the definition levels (1 present, 0 NULL) of an optional column.
fn flat<T, U>(values: &[Option<T>], f: impl Fn(&T) -> U) -> (Vec<U>, Vec<i16>) {
    let mut vals = Vec::with_capacity(values.len());
    let defs = values
        .iter()
        .map(|v| match v {
            Some(x) => {
                vals.push(f(x));
                1
            }
            None => 0,
        })
        .collect();
    (vals, defs)
}

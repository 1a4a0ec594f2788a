//! Strict JSON reading for the record (spec §12): every struct must be a JSON object (serde would also accept
//! an array of its fields in order) and must not carry fields the spec does not name.
//!
//! [`from_str`] wraps `serde_json`'s deserializer in [`Strict`], which forwards every call and changes two
//! things: a struct is read with a visitor that refuses a sequence, and its keys are checked against the
//! struct's field names. Nothing is buffered or copied, so strict reading costs the same as plain reading.
//! [`from_str_partial`] keeps the first rule only, for the fast readers that deliberately skip fields.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

/// Parses one JSON text as `T`, strictly: objects for structs, no unknown fields, nothing after the value but
/// white space.
pub fn from_str<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    parse(text, true)
}

/// A serde message as a user reads it: the Rust type names serde puts in it (`expected struct
/// Finalized with 2 elements`, `enum Kind`) become what the JSON must be (`an object`, `one of
/// the values`), and serde_json's ` at line L column C` suffix is dropped.
pub fn plain_message(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message),
        None => message,
    };
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = [rest.find("struct "), rest.find("enum ")]
        .into_iter()
        .flatten()
        .min()
    {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let is_struct = from.starts_with("struct ");
        let after_kw = &from[if is_struct { 7 } else { 5 }..];
        let name_len = after_kw
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after_kw.len());
        // Rust type names start with a capital; "a struct of its own" is prose.
        if name_len == 0 || !after_kw.starts_with(|c: char| c.is_ascii_uppercase()) {
            out.push_str(&from[..1]);
            rest = &from[1..];
            continue;
        }
        out.push_str(if is_struct {
            "an object"
        } else {
            "one of the values"
        });
        let mut tail = &after_kw[name_len..];
        // "with 2 elements" describes the struct read as a sequence: meaningless for an object.
        if let Some(t) = tail.strip_prefix(" with ") {
            let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
            if digits > 0 {
                let t = &t[digits..];
                tail = t
                    .strip_prefix(" elements")
                    .or_else(|| t.strip_prefix(" element"))
                    .unwrap_or(tail);
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Like [`from_str`], but fields that `T` does not name are skipped (for readers that need only part of a
/// line); structs must still be objects.
pub fn from_str_partial<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    parse(text, false)
}

fn parse<T: DeserializeOwned>(text: &str, deny_unknown: bool) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict {
        inner: &mut de,
        deny_unknown,
    })?;
    de.end()?;
    Ok(value)
}

/// A deserializer that reads structs only from maps and (optionally) refuses unknown fields.
pub struct Strict<D> {
    inner: D,
    deny_unknown: bool,
}

impl<D> Strict<D> {
    fn wrap<V>(&self, visitor: V) -> StrictVisitor<V> {
        StrictVisitor {
            inner: visitor,
            deny_unknown: self.deny_unknown,
            fields: None,
        }
    }
}

macro_rules! forward {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                let v = self.wrap(visitor);
                self.inner.$method(v)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let v = self.wrap(visitor);
        self.inner.deserialize_unit_struct(name, v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let v = self.wrap(visitor);
        self.inner.deserialize_newtype_struct(name, v)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let v = self.wrap(visitor);
        self.inner.deserialize_tuple(len, v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let v = self.wrap(visitor);
        self.inner.deserialize_tuple_struct(name, len, v)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let v = StrictVisitor {
            inner: visitor,
            deny_unknown: self.deny_unknown,
            fields: Some(fields),
        };
        self.inner.deserialize_struct(name, fields, v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let v = self.wrap(visitor);
        self.inner.deserialize_enum(name, variants, v)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Wraps a visitor so that whatever it deserializes next is strict too; with `fields`, it is a struct's
/// visitor: it refuses a sequence and checks the keys.
struct StrictVisitor<V> {
    inner: V,
    deny_unknown: bool,
    fields: Option<&'static [&'static str]>,
}

macro_rules! forward_visit {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                self.inner.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for StrictVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit!(
        visit_bool: bool,
        visit_i8: i8,
        visit_i16: i16,
        visit_i32: i32,
        visit_i64: i64,
        visit_i128: i128,
        visit_u8: u8,
        visit_u16: u16,
        visit_u32: u32,
        visit_u64: u64,
        visit_u128: u128,
        visit_f32: f32,
        visit_f64: f64,
        visit_char: char,
        visit_str: &str,
        visit_borrowed_str: &'de str,
        visit_string: String,
        visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8],
        visit_byte_buf: Vec<u8>,
    );

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_some(Strict {
            inner: d,
            deny_unknown: self.deny_unknown,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict {
            inner: d,
            deny_unknown: self.deny_unknown,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if self.fields.is_some() {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        self.inner.visit_seq(StrictSeq {
            inner: seq,
            deny_unknown: self.deny_unknown,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let fields = if self.deny_unknown { self.fields } else { None };
        self.inner.visit_map(StrictMap {
            inner: map,
            deny_unknown: self.deny_unknown,
            fields,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_enum(StrictEnum {
            inner: data,
            deny_unknown: self.deny_unknown,
        })
    }
}

/// A seed whose deserializer is strict.
struct StrictSeed<S> {
    inner: S,
    deny_unknown: bool,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.inner.deserialize(Strict {
            inner: d,
            deny_unknown: self.deny_unknown,
        })
    }
}

struct StrictSeq<A> {
    inner: A,
    deny_unknown: bool,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for StrictSeq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.inner.next_element_seed(StrictSeed {
            inner: seed,
            deny_unknown: self.deny_unknown,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

struct StrictMap<A> {
    inner: A,
    deny_unknown: bool,
    /// The struct's field names when unknown keys are refused.
    fields: Option<&'static [&'static str]>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        match self.fields {
            Some(fields) => self.inner.next_key_seed(KeySeed {
                inner: seed,
                fields,
            }),
            None => self.inner.next_key_seed(StrictSeed {
                inner: seed,
                deny_unknown: self.deny_unknown,
            }),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.inner.next_value_seed(StrictSeed {
            inner: seed,
            deny_unknown: self.deny_unknown,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A struct key: refused unless it is one of `fields`.
struct KeySeed<S> {
    inner: S,
    fields: &'static [&'static str],
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        // A JSON object key is always a string: read it as one and hand it on.
        let fields = self.fields;
        let inner = self.inner;
        d.deserialize_str(KeyVisitor { inner, fields })
    }
}

struct KeyVisitor<S> {
    inner: S,
    fields: &'static [&'static str],
}

impl<S> KeyVisitor<S> {
    fn check<E: de::Error>(&self, key: &str) -> Result<(), E> {
        if self.fields.contains(&key) {
            Ok(())
        } else {
            Err(E::unknown_field(key, self.fields))
        }
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for KeyVisitor<S> {
    type Value = S::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        self.check(key)?;
        self.inner
            .deserialize(de::value::StrDeserializer::<E>::new(key))
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
        self.check(key)?;
        self.inner
            .deserialize(de::value::BorrowedStrDeserializer::<E>::new(key))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
        self.check(&key)?;
        self.inner
            .deserialize(de::value::StringDeserializer::<E>::new(key))
    }
}

struct StrictEnum<A> {
    inner: A,
    deny_unknown: bool,
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for StrictEnum<A> {
    type Error = A::Error;
    type Variant = StrictVariant<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Self::Error> {
        let deny_unknown = self.deny_unknown;
        let (value, variant) = self.inner.variant_seed(seed)?;
        Ok((
            value,
            StrictVariant {
                inner: variant,
                deny_unknown,
            },
        ))
    }
}

struct StrictVariant<A> {
    inner: A,
    deny_unknown: bool,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for StrictVariant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.inner.newtype_variant_seed(StrictSeed {
            inner: seed,
            deny_unknown: self.deny_unknown,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.inner.tuple_variant(
            len,
            StrictVisitor {
                inner: visitor,
                deny_unknown: self.deny_unknown,
                fields: None,
            },
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.inner.struct_variant(
            fields,
            StrictVisitor {
                inner: visitor,
                deny_unknown: self.deny_unknown,
                fields: Some(fields),
            },
        )
    }
}

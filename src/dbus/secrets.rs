//! The Secret Service API (org.freedesktop.secrets) over [`Bus`]: items found by their
//! attributes, read, written and deleted; a locked keyring unlocked through the service's own
//! prompt. The session is `plain`: the secret travels over the local session bus, which only
//! this user's processes can use.

use std::time::Duration;

use super::bus::{Bus, BusError};
use super::wire::{Type, Value};

const SERVICE: &str = "org.freedesktop.secrets";
const SERVICE_PATH: &str = "/org/freedesktop/secrets";
const SERVICE_IFACE: &str = "org.freedesktop.Secret.Service";
const ITEM_IFACE: &str = "org.freedesktop.Secret.Item";
const COLLECTION_IFACE: &str = "org.freedesktop.Secret.Collection";
const PROMPT_IFACE: &str = "org.freedesktop.Secret.Prompt";
/// A person unlocking their keyring may take a while.
const PROMPT_TIMEOUT: Duration = Duration::from_secs(300);

/// Why the service did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretsError {
    #[error(transparent)]
    Bus(#[from] BusError),
    /// The person dismissed the unlock prompt.
    #[error("the unlock prompt was dismissed")]
    Dismissed,
    /// The service answered with something else than its API says.
    #[error("the Secret Service gave an unexpected answer ({0})")]
    Unexpected(&'static str),
    /// No default collection to create an item in.
    #[error("the keyring has no default collection")]
    NoCollection,
}

fn unexpected(what: &'static str) -> SecretsError {
    SecretsError::Unexpected(what)
}

/// A connection with an open session.
pub struct Secrets {
    bus: Bus,
    session: String,
    /// The unique bus name of the service that opened it: only its prompts count.
    service: String,
}

impl Secrets {
    pub fn connect() -> Result<Secrets, SecretsError> {
        let mut bus = Bus::session()?;
        let reply = bus.call(
            SERVICE,
            SERVICE_PATH,
            SERVICE_IFACE,
            "OpenSession",
            vec![Value::str("plain"), Value::Variant(Box::new(Value::str("")))],
        )?;
        let session = reply.get(1).and_then(Value::as_str).ok_or(unexpected("OpenSession"))?.to_owned();
        let service = bus.last_sender.clone().ok_or(unexpected("OpenSession without a sender"))?;
        Ok(Secrets { bus, session, service })
    }

    /// The items with these attributes, unlocked (the service may ask the person first).
    pub fn search(&mut self, attributes: &[(&str, &str)]) -> Result<Vec<String>, SecretsError> {
        let reply =
            self.bus.call(SERVICE, SERVICE_PATH, SERVICE_IFACE, "SearchItems", vec![Value::string_dict(attributes)])?;
        let paths = |i: usize| reply.get(i).and_then(Value::as_strings).ok_or(unexpected("SearchItems"));
        let (mut unlocked, locked) = (paths(0)?, paths(1)?);
        if !locked.is_empty() {
            unlocked.extend(self.unlock(&locked)?);
        }
        Ok(unlocked)
    }

    fn unlock(&mut self, paths: &[String]) -> Result<Vec<String>, SecretsError> {
        let objects = Value::Array(Type::Basic(b'o'), paths.iter().map(|p| Value::path(p)).collect());
        let reply = self.bus.call(SERVICE, SERVICE_PATH, SERVICE_IFACE, "Unlock", vec![objects])?;
        let mut unlocked = reply.first().and_then(Value::as_strings).ok_or(unexpected("Unlock"))?;
        let prompt = reply.get(1).and_then(Value::as_str).ok_or(unexpected("Unlock"))?.to_owned();
        if prompt == "/" {
            return Ok(unlocked);
        }
        // Those unlocked at once, and those the person unlocked.
        let result = self.prompt(&prompt)?;
        unlocked.extend(result.unwrapped().as_strings().ok_or(unexpected("the unlock prompt's result"))?);
        Ok(unlocked)
    }

    /// Shows the service's prompt and waits for the person's answer: its result.
    fn prompt(&mut self, prompt: &str) -> Result<Value, SecretsError> {
        let rule =
            format!("type='signal',sender='{SERVICE}',interface='{PROMPT_IFACE}',member='Completed',path='{prompt}'");
        self.bus.call(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "AddMatch",
            vec![Value::Str(rule)],
        )?;
        self.bus.call(SERVICE, prompt, PROMPT_IFACE, "Prompt", vec![Value::str("")])?;
        let service = self.service.clone();
        let completed = self.bus.signal(&service, prompt, PROMPT_IFACE, "Completed", PROMPT_TIMEOUT)?;
        match completed.as_slice() {
            [Value::Bool(true), ..] => Err(SecretsError::Dismissed),
            [Value::Bool(false), result] => Ok(result.clone()),
            _ => Err(unexpected("the prompt's Completed signal")),
        }
    }

    /// The secret of an item, as bytes.
    pub fn get(&mut self, item: &str) -> Result<Vec<u8>, SecretsError> {
        let reply = self.bus.call(SERVICE, item, ITEM_IFACE, "GetSecret", vec![Value::path(&self.session)])?;
        // (oayays): the session, parameters (none for plain), the value, its content type.
        let fields = reply.first().and_then(Value::items).ok_or(unexpected("GetSecret"))?;
        fields.get(2).and_then(Value::as_bytes).ok_or(unexpected("GetSecret"))
    }

    /// Replaces the secret of an item.
    pub fn set(&mut self, item: &str, secret: &[u8]) -> Result<(), SecretsError> {
        let value = self.secret(secret);
        self.bus.call(SERVICE, item, ITEM_IFACE, "SetSecret", vec![value])?;
        Ok(())
    }

    /// A new item in the default collection (unlocked first if need be).
    pub fn create(&mut self, label: &str, attributes: &[(&str, &str)], secret: &[u8]) -> Result<(), SecretsError> {
        let reply = self.bus.call(SERVICE, SERVICE_PATH, SERVICE_IFACE, "ReadAlias", vec![Value::str("default")])?;
        let collection = reply.first().and_then(Value::as_str).ok_or(unexpected("ReadAlias"))?.to_owned();
        if collection == "/" {
            return Err(SecretsError::NoCollection);
        }
        let locked = self.bus.call(
            SERVICE,
            &collection,
            "org.freedesktop.DBus.Properties",
            "Get",
            vec![Value::str(COLLECTION_IFACE), Value::str("Locked")],
        )?;
        if locked.first().map(Value::unwrapped).and_then(Value::as_bool) == Some(true) {
            self.unlock(std::slice::from_ref(&collection))?;
        }
        let property = |name: &str, value: Value| {
            Value::DictEntry(
                Box::new(Value::Str(format!("{ITEM_IFACE}.{name}"))),
                Box::new(Value::Variant(Box::new(value))),
            )
        };
        let entry = Type::DictEntry(Box::new(Type::Basic(b's')), Box::new(Type::Variant));
        let properties = Value::Array(
            entry,
            vec![property("Label", Value::str(label)), property("Attributes", Value::string_dict(attributes))],
        );
        let value = self.secret(secret);
        let reply = self.bus.call(
            SERVICE,
            &collection,
            COLLECTION_IFACE,
            "CreateItem",
            vec![properties, value, Value::Bool(true)],
        )?;
        match reply.get(1).and_then(Value::as_str) {
            Some("/") => Ok(()),
            Some(prompt) => self.prompt(prompt).map(drop),
            None => Err(unexpected("CreateItem")),
        }
    }

    /// Deletes an item.
    pub fn delete(&mut self, item: &str) -> Result<(), SecretsError> {
        let reply = self.bus.call(SERVICE, item, ITEM_IFACE, "Delete", vec![])?;
        match reply.first().and_then(Value::as_str) {
            Some("/") => Ok(()),
            Some(prompt) => self.prompt(prompt).map(drop),
            None => Err(unexpected("Delete")),
        }
    }

    /// A secret as the service takes it: `(oayays)`.
    fn secret(&self, secret: &[u8]) -> Value {
        Value::Struct(vec![
            Value::path(&self.session),
            Value::bytes(&[]),
            Value::bytes(secret),
            Value::str("application/octet-stream"),
        ])
    }
}

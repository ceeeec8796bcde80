//! VTPixelTransferSession: the session object, its lifecycle and its
//! properties (videotoolbox.md §2–§3). The generic `VTSession…` property
//! functions in `session.rs` dispatch here.
//!
//! Thread safety (README behaviour table): a session may be used from
//! several threads at once. Its state sits behind a mutex that is held only
//! to read or change properties, never while pixels move, so concurrent
//! transfers run in parallel and a property change applies to transfers
//! that start after it.
#![allow(non_snake_case)]

use super::keys::*;
use super::property_codec::{encode, enumeration_constant, transfer_key_constant};
use super::session_state::{NO_ERR, SessionState};
use super::types::{VTPixelTransferSessionRef, kVTParameterErr, kVTPropertyNotSupportedErr};
use crate::capi::core_foundation::array::new_cf_type_array;
use crate::capi::core_foundation::boolean::boolean_ref;
use crate::capi::core_foundation::dictionary::new_cf_type_dictionary;
use crate::capi::core_foundation::types::{
    CFAllocatorRef, CFDictionaryRef, CFStringRef, CFTypeID, CFTypeRef, CfRef, OSStatus,
};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, Retained};
use crate::core::transfer::properties::{TransferKey, TransferProperties, ValueKind};

/// The payload of a VTPixelTransferSession.
pub struct PixelTransferSession {
    state: SessionState<TransferProperties>,
    /// Threads a transfer may use (`PIXELPORT_THREADS` at creation).
    threads: usize,
}

impl CfClass for PixelTransferSession {
    const KIND: TypeKind = TypeKind::PixelTransferSession;
    fn describe(&self) -> String {
        self.state.inspect(|invalidated, p| {
            format!(
                "<VTPixelTransferSession>{{invalidated = {}, scalingMode = {}, downsamplingMode = {}}}",
                invalidated,
                p.scaling_mode.name(),
                p.downsampling_mode.name()
            )
        })
    }
}

impl PixelTransferSession {
    /// The properties a transfer should use, or `kVTInvalidSessionErr`.
    pub fn snapshot(&self) -> Result<TransferProperties, OSStatus> {
        self.state.snapshot()
    }

    /// Threads a transfer on this session may use (1 unless
    /// `PIXELPORT_THREADS` said otherwise when the session was created).
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// `VTSessionSetProperty` for this session. `value` NULL restores the default.
    ///
    /// # Safety
    /// `value` must be NULL or a live object.
    pub unsafe fn set_property(&self, key: &str, value: CFTypeRef) -> OSStatus {
        // SAFETY: per this function's contract.
        unsafe {
            self.state
                .set(TransferKey::from_name(key), value, |p, k, v| p.set(k, v))
        }
    }

    /// `VTSessionCopyProperty`: a +1 value, NULL for an unset optional property.
    pub fn copy_property(&self, key: &str) -> Result<CFTypeRef, OSStatus> {
        self.state.read(|p| {
            let key = TransferKey::from_name(key).ok_or(kVTPropertyNotSupportedErr)?;
            Ok(p.get(key).map_or(std::ptr::null(), |v| encode(key, &v)))
        })?
    }

    /// `VTSessionCopySerializableProperties`: a +1 dictionary of the set,
    /// serialisable properties.
    pub fn copy_serializable(&self) -> Result<CFDictionaryRef, OSStatus> {
        let values: Vec<(CFTypeRef, CFTypeRef)> = self.state.read(|p| {
            TransferKey::ALL
                .into_iter()
                .filter(|k| k.is_serializable())
                .filter_map(|k| {
                    let v = p.get(k)?;
                    Some((transfer_key_constant(k).as_type(), encode(k, &v)))
                })
                .collect()
        })?;
        Ok(dictionary_taking_values(&values))
    }

    /// `VTSessionCopySupportedPropertyDictionary`: a +1 dictionary describing
    /// every public key (type, read/write, serialisation, allowed values).
    pub fn copy_supported(&self) -> Result<CFDictionaryRef, OSStatus> {
        self.state.read(|_| ())?;
        let entries: Vec<(CFTypeRef, CFTypeRef)> = TransferKey::ALL
            .into_iter()
            .filter(|k| k.is_public())
            .map(|k| {
                (
                    transfer_key_constant(k).as_type(),
                    describe_key(k).as_type(),
                )
            })
            .collect();
        Ok(dictionary_taking_values(&entries))
    }

    fn invalidate(&self) {
        self.state.invalidate();
    }
}

/// A new dictionary over `entries`, whose values are our +1 references:
/// the dictionary retains them, so ours are released afterwards.
pub(super) fn dictionary_taking_values(entries: &[(CFTypeRef, CFTypeRef)]) -> CFDictionaryRef {
    // SAFETY: keys are immortal constants and values live +1 objects.
    let dict = unsafe { new_cf_type_dictionary(entries) };
    for &(_, value) in entries {
        // SAFETY: each value is a reference we own and no longer need.
        unsafe { handle::release(value) };
    }
    dict
}

/// The property-description dictionary (+1) of one key (VTSession.h).
fn describe_key(key: TransferKey) -> CFDictionaryRef {
    let allowed: Vec<CFStringRef> = key
        .allowed_names()
        .into_iter()
        .map(|name| enumeration_constant(key, name))
        .collect();
    describe_property(key.kind(), key.is_serializable(), &allowed)
}

/// A property-description dictionary (+1): read/write, serialisation, the
/// type for enumerations (with `allowed`, immortal constants) and
/// booleans; none for dictionary and data values.
pub(super) fn describe_property(
    kind: ValueKind,
    serializable: bool,
    allowed: &[CFStringRef],
) -> CFDictionaryRef {
    let mut entries: Vec<(CFTypeRef, CFTypeRef)> = vec![
        (
            kVTPropertyReadWriteStatusKey.as_type(),
            kVTPropertyReadWriteStatus_ReadWrite.as_type(),
        ),
        (
            kVTPropertyShouldBeSerializedKey.as_type(),
            boolean_ref(serializable).as_type(),
        ),
    ];
    match kind {
        ValueKind::Enumeration => {
            entries.push((
                kVTPropertyTypeKey.as_type(),
                kVTPropertyType_Enumeration.as_type(),
            ));
            let values: Vec<CFTypeRef> = allowed.iter().map(|c| c.as_type()).collect();
            // SAFETY: the values are immortal constants.
            let list = unsafe { new_cf_type_array(&values) };
            entries.push((kVTPropertySupportedValueListKey.as_type(), list.as_type()));
        }
        ValueKind::Boolean => {
            entries.push((
                kVTPropertyTypeKey.as_type(),
                kVTPropertyType_Boolean.as_type(),
            ));
        }
        // Dictionaries and data have no VTPropertyType (videotoolbox.md §5).
        _ => {}
    }
    dictionary_taking_values(&entries)
}

/// # Safety
/// `session` must be NULL or a live object.
pub unsafe fn transfer_session<'a>(
    session: CFTypeRef,
) -> Option<&'a crate::capi::runtime::object::CfObject<PixelTransferSession>> {
    // SAFETY: forwarded contract.
    unsafe { handle::object::<PixelTransferSession>(session) }
}

/// The type ID of VTPixelTransferSession (what `CFGetTypeID` returns for one).
#[unsafe(no_mangle)]
pub extern "C" fn VTPixelTransferSessionGetTypeID() -> CFTypeID {
    TypeKind::PixelTransferSession.type_id()
}

/// Creates a pixel-transfer session (+1 in `*pixelTransferSessionOut`) with
/// default properties. Any allocator is accepted. `kVTParameterErr` when the
/// out-pointer is NULL (nothing written).
///
/// # Safety
/// `pixelTransferSessionOut` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTPixelTransferSessionCreate(
    allocator: CFAllocatorRef,
    pixelTransferSessionOut: *mut VTPixelTransferSessionRef,
) -> OSStatus {
    let _ = allocator;
    ffi_guard!(kVTParameterErr, {
        if pixelTransferSessionOut.is_null() {
            return kVTParameterErr;
        }
        let session = Retained::new(PixelTransferSession {
            state: SessionState::new(TransferProperties::default()),
            threads: crate::core::convert::stripes::threads_from_env(),
        });
        let out = VTPixelTransferSessionRef::from_type(session.into_raw());
        // SAFETY: non-NULL and writable per the contract.
        unsafe { handle::write_out(pixelTransferSessionOut, out) };
        NO_ERR
    })
}

/// Tears the session down: every later call on it returns
/// `kVTInvalidSessionErr`. The caller still releases it. Releasing a session
/// without invalidating it is fine (it is invalidated when it dies). NULL
/// or a non-session is ignored.
///
/// # Safety
/// `session` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn VTPixelTransferSessionInvalidate(session: VTPixelTransferSessionRef) {
    ffi_guard!({
        let object = try_ref!(session, PixelTransferSession);
        object.value.invalidate();
    })
}

/// The key of a property call as text (`None` for NULL or a non-string).
///
/// # Safety
/// `key` must be NULL or a live object.
pub unsafe fn key_text(key: CFStringRef) -> Option<String> {
    // SAFETY: forwarded contract.
    unsafe { handle::text(key.as_type()) }.map(|t| t.to_string_lossy())
}

//! `CVPixelBufferLockBaseAddress` / `UnlockBaseAddress` bookkeeping.
//!
//! CVPixelBuffer.h asks callers to unlock with the same flags they locked
//! with and leaves asymmetric use undefined. pixelport counts read-only and
//! read-write locks separately, so nesting works, and refuses an unlock
//! that has no outstanding lock of its kind instead of corrupting the
//! count. Memory never moves while unlocked (there is no GPU copy to sync),
//! so the state only serves to catch misuse.

/// The kind of lock a flags word asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LockKind {
    /// Flags 0: the caller may write.
    ReadWrite,
    /// `kCVPixelBufferLock_ReadOnly`.
    ReadOnly,
}

/// The only flag `CVPixelBufferLockFlags` defines.
pub const READ_ONLY_FLAG: u64 = 0x1;

impl TryFrom<u64> for LockKind {
    type Error = LockError;

    /// 0 → read-write, `kCVPixelBufferLock_ReadOnly` → read-only; any other
    /// bit is undefined by Apple and refused.
    fn try_from(flags: u64) -> Result<Self, LockError> {
        match flags {
            0 => Ok(LockKind::ReadWrite),
            READ_ONLY_FLAG => Ok(LockKind::ReadOnly),
            other => Err(LockError::UnknownFlags(other)),
        }
    }
}

/// Why a lock or unlock was refused (the state is unchanged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LockError {
    #[error("lock flags {0:#x} contain bits other than kCVPixelBufferLock_ReadOnly")]
    UnknownFlags(u64),
    #[error("unlock without an outstanding {0:?} lock")]
    NotLocked(LockKind),
    #[error("too many nested locks")]
    TooMany,
}

/// Outstanding locks of a buffer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LockState {
    read_write: usize,
    read_only: usize,
}

impl LockState {
    pub fn lock(&mut self, kind: LockKind) -> Result<(), LockError> {
        let count = self.count_mut(kind);
        *count = count.checked_add(1).ok_or(LockError::TooMany)?;
        Ok(())
    }

    pub fn unlock(&mut self, kind: LockKind) -> Result<(), LockError> {
        let count = self.count_mut(kind);
        *count = count.checked_sub(1).ok_or(LockError::NotLocked(kind))?;
        Ok(())
    }

    /// Outstanding locks of `kind`.
    pub fn count(&self, kind: LockKind) -> usize {
        match kind {
            LockKind::ReadWrite => self.read_write,
            LockKind::ReadOnly => self.read_only,
        }
    }

    pub fn is_locked(&self) -> bool {
        self.read_write > 0 || self.read_only > 0
    }

    fn count_mut(&mut self, kind: LockKind) -> &mut usize {
        match kind {
            LockKind::ReadWrite => &mut self.read_write,
            LockKind::ReadOnly => &mut self.read_only,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        assert_eq!(LockKind::try_from(0), Ok(LockKind::ReadWrite));
        assert_eq!(LockKind::try_from(1), Ok(LockKind::ReadOnly));
        assert_eq!(LockKind::try_from(2), Err(LockError::UnknownFlags(2)));
        assert_eq!(LockKind::try_from(3), Err(LockError::UnknownFlags(3)));
        assert_eq!(
            LockKind::try_from(1 << 40),
            Err(LockError::UnknownFlags(1 << 40))
        );
    }

    #[test]
    fn nested_locks_are_counted_per_kind() {
        let mut s = LockState::default();
        assert!(!s.is_locked());
        assert_eq!(
            s.unlock(LockKind::ReadWrite),
            Err(LockError::NotLocked(LockKind::ReadWrite))
        );
        s.lock(LockKind::ReadOnly).unwrap();
        s.lock(LockKind::ReadOnly).unwrap();
        s.lock(LockKind::ReadWrite).unwrap();
        assert_eq!(s.count(LockKind::ReadOnly), 2);
        assert_eq!(s.count(LockKind::ReadWrite), 1);
        s.unlock(LockKind::ReadWrite).unwrap();
        // A read-only lock cannot be released as read-write.
        assert_eq!(
            s.unlock(LockKind::ReadWrite),
            Err(LockError::NotLocked(LockKind::ReadWrite))
        );
        assert_eq!(s.count(LockKind::ReadOnly), 2);
        s.unlock(LockKind::ReadOnly).unwrap();
        s.unlock(LockKind::ReadOnly).unwrap();
        assert!(!s.is_locked());
        assert!(s.unlock(LockKind::ReadOnly).is_err());
    }

    #[test]
    fn overflow_is_refused() {
        let mut s = LockState {
            read_write: usize::MAX,
            read_only: 0,
        };
        assert_eq!(s.lock(LockKind::ReadWrite), Err(LockError::TooMany));
        assert_eq!(s.count(LockKind::ReadWrite), usize::MAX);
    }
}

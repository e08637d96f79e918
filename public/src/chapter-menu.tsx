import {useEffect, useId, useRef, useState} from 'react';
import type {Chapter} from './chapters';
import {clock} from './clock';
import {Icon} from './icons';

/**
 * The control bar's Chapters button and its menu (the ARIA menu button pattern): the scenes by name, the one playing
 * checked. Arrows, Home and End move in it, Enter or Space goes to a chapter, Escape closes it back onto the button.
 * Going to a chapter is the player's (`onChoose`), as are the keys that go to the next and previous one.
 */
export const ChapterMenu: React.FC<{chapters: readonly Chapter[]; current: number; fps: number; label: string; onChoose: (index: number) => void}> = ({
	chapters,
	current,
	fps,
	label,
	onChoose,
}) => {
	const [open, setOpen] = useState(false);
	const buttonRef = useRef<HTMLButtonElement>(null);
	const menuRef = useRef<HTMLUListElement>(null);
	const menuId = useId();
	const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];
	const close = (refocus: boolean) => {
		setOpen(false);
		if (refocus) buttonRef.current?.focus();
	};
	// Opened, the chapter playing takes the focus, as a list of choices opens on the one chosen.
	useEffect(() => {
		if (!open) return;
		items()[current]?.focus();
		const onPointerDown = (event: PointerEvent) => {
			const target = event.target as Node;
			if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
		};
		document.addEventListener('pointerdown', onPointerDown);
		return () => document.removeEventListener('pointerdown', onPointerDown);
		// Only opening moves the focus: the chapter changing under an open menu leaves it where the viewer put it.
	}, [open]);

	const onMenuKey = (event: React.KeyboardEvent) => {
		const list = items();
		const at = list.indexOf(document.activeElement as HTMLButtonElement);
		const moves: Record<string, number> = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1};
		const to = moves[event.key];
		if (to !== undefined) {
			event.preventDefault();
			list[(to + list.length) % list.length]?.focus();
		} else if (event.key === 'Escape') {
			event.preventDefault();
			close(true);
		} else if (event.key === 'Tab') {
			// Tab goes on from the button, as if the menu had not been opened.
			close(true);
		}
	};
	const onButtonKey = (event: React.KeyboardEvent) => {
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		event.preventDefault();
		setOpen(true);
	};

	return (
		<div className="bc-chapters">
			<button
				ref={buttonRef}
				type="button"
				className="bc-chapters-button"
				aria-label={label}
				title={label}
				aria-haspopup="menu"
				aria-expanded={open}
				aria-controls={open ? menuId : undefined}
				onClick={() => setOpen(!open)}
				onKeyDown={onButtonKey}
			>
				<Icon name="chapters" />
			</button>
			{open ? (
				<ul ref={menuRef} id={menuId} className="bc-chapter-menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
					{chapters.map((chapter, index) => (
						<li key={chapter.from} role="none">
							<button
								type="button"
								role="menuitemradio"
								aria-checked={index === current}
								tabIndex={-1}
								onClick={() => {
									onChoose(index);
									close(true);
								}}
							>
								<span>{chapter.name}</span>
								<span className="bc-chapter-time" aria-hidden="true">
									{clock(chapter.from / fps)}
								</span>
							</button>
						</li>
					))}
				</ul>
			) : null}
		</div>
	);
};

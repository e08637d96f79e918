import {useState} from 'react';
import {Img, useRemotionEnvironment} from 'remotion';
import {useUnit} from './use-unit';

/**
 * The brand's logo on a white tile, so a logo made for white paper stays readable on any brand colour. A logo that
 * cannot be loaded fails the render with its address (Remotion's <Img> retries it first) rather than sending a video
 * without it. The live player has no render to fail: there the tile goes, and the brand's name beside it stays.
 */
export const BrandLogo: React.FC<{logoUrl: string | undefined; height: number; style?: React.CSSProperties}> = ({logoUrl, height, style}) => {
	const u = useUnit();
	const {isPlayer} = useRemotionEnvironment();
	const [failed, setFailed] = useState(false);
	if (!logoUrl || failed) return null;
	return (
		<div style={{background: '#FFFFFF', borderRadius: 14 * u, padding: 10 * u, display: 'inline-flex', alignSelf: 'flex-start', ...style}}>
			<Img
				src={logoUrl}
				alt=""
				style={{height: height * u, maxWidth: height * 4 * u, objectFit: 'contain', display: 'block'}}
				{...(isPlayer ? {maxRetries: 0, onError: () => setFailed(true)} : {})}
			/>
		</div>
	);
};
